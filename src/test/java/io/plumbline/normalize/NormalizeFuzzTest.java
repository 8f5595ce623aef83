package io.plumbline.normalize;

import static io.plumbline.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.plumbline.model.Domain;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fuzz targets for domain and email normalization. Each input is tried as UTF-8 text (readable seeds)
 * and as UTF-16 (any char sequence, lone surrogates included). The normalizer never throws, and every
 * domain it returns holds only {@code [a-z0-9.-]} and normalizes to itself; the same holds for emails.
 */
class NormalizeFuzzTest {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]{1,253}");

    @FuzzTest(maxDuration = "2m")
    void domain(byte[] data) {
        if (data == null) {
            return;
        }
        for (String text : texts(data)) {
            checkParse(DomainNormalizer.parse(text), text);
            for (DomainParse parse : DomainNormalizer.parseList(text)) {
                checkParse(parse, parse.raw());
            }
        }
    }

    @FuzzTest(maxDuration = "2m")
    void email(byte[] data) {
        if (data == null) {
            return;
        }
        for (String text : texts(data)) {
            Optional<String> email = Emails.normalize(text);
            if (email.isEmpty()) {
                check(Emails.domainOf(text).isEmpty(), "domainOf without normalize for %s", text);
                continue;
            }
            String normalized = email.get();
            check(
                    Emails.normalize(normalized).equals(email),
                    "email %s re-normalizes to %s",
                    normalized,
                    Emails.normalize(normalized));
            Domain domain = Emails.domainOf(text).orElseThrow(() -> new AssertionError("no domain: " + normalized));
            check(DOMAIN.matcher(domain.value()).matches(), "email domain %s", domain);
            check(
                    normalized.endsWith("@" + domain.value()),
                    "email %s does not end with its domain %s",
                    normalized,
                    domain);
        }
    }

    private static void checkParse(DomainParse parse, String raw) {
        check(parse != null && parse.raw().equals(raw), "raw not kept for %s", raw);
        if (!parse.valid()) {
            check(parse.problem() != null && !parse.problem().isBlank(), "no reason for %s", raw);
            return;
        }
        Domain domain = parse.domain();
        check(DOMAIN.matcher(domain.value()).matches(), "domain %s from %s", domain, raw);
        DomainParse again = DomainNormalizer.parse(domain.value());
        check(
                domain.equals(again.domain()),
                "%s from '%s' re-normalizes to %s (%s)",
                domain,
                raw,
                again.domain(),
                again.problem());
    }

    /** The bytes as UTF-8 text, and as raw big-endian UTF-16 code units (unpaired surrogates kept). */
    private static String[] texts(byte[] data) {
        char[] units = new char[data.length / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) ((data[2 * i] & 0xff) << 8 | (data[2 * i + 1] & 0xff));
        }
        return new String[] {new String(data, StandardCharsets.UTF_8), new String(units)};
    }
}
