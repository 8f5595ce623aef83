package io.plumbline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hostname rules, the splitting of domain lists and the 15-character id check are done by hand
 * for speed; they must say exactly what the regular expressions that define them say (for hosts,
 * problem text included), on inputs built from the characters and shapes that matter (dots, hyphens
 * at the ends of labels, digits, long labels, IDN top-level labels, every kind of separator).
 */
class HostnameRulesTest {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    @Test
    void parseList_randomFields_splitAsTheRegularExpressionSplits() {
        // spaces: a regex's \s, the other ASCII separators, and every Unicode space (no-break ones too)
        Pattern separators = Pattern.compile("[\\s\\x1C-\\x1F\\p{Z},;]+");
        Random random = new Random(20261123);
        String[] pieces = {
            "a.com", "b.io", " ", ",", ";", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "\u202F", "\u3000",
            "\u001F", "x"
        };
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(8);
            for (int k = 0; k < parts; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String field = sb.toString();
            List<DomainParse> expected = new ArrayList<>();
            for (String token : separators.split(field)) {
                if (!token.isEmpty()) {
                    expected.add(DomainNormalizer.parse(token));
                }
            }
            assertThat(DomainNormalizer.parseList(field)).as(field).isEqualTo(expected);
        }
    }

    @Test
    void isAccountId15_randomIds_sameAsTheRegularExpression() {
        Pattern account15 = Pattern.compile("001[A-Za-z0-9]{12}");
        Random random = new Random(20261124);
        String alphabet = "001aZz09_-é ";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "001" : "");
            int length = 10 + random.nextInt(8);
            while (sb.length() < length) {
                sb.append(
                        random.nextInt(10) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : (char) ('A' + random.nextInt(26)));
            }
            String raw = sb.toString();
            assertThat(SalesforceIds.isAccountId15(raw))
                    .as(raw)
                    .isEqualTo(account15.matcher(raw).matches());
        }
    }

    @Test
    void parse_randomHosts_sameProblemAsTheRegularExpressions() {
        Random random = new Random(20261122);
        Map<String, Integer> outcomes = new TreeMap<>();
        String[] pieces = {"a", "b", "z", "0", "9", "-", ".", "xn--", "ab", "www.", "co", "1", "--"};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(12);
            for (int k = 0; k < parts; k++) {
                String piece = pieces[random.nextInt(pieces.length)];
                sb.append(random.nextInt(40) == 0 ? piece.repeat(30) : piece);
            }
            String host = sb.toString();
            DomainParse parse = DomainNormalizer.parse(host);
            String expected = expectedProblem(host);
            if (expected == null && stripped(host).contains("xn--") && !parse.valid()) {
                // the rules allow an xn-- label; whether it is punycode of a name is the IDNA library's to say
                expected = parse.problem().startsWith("not a valid internationalized domain name")
                        ? parse.problem()
                        : "not a valid internationalized domain name";
            }
            assertThat(parse.problem()).as(host).isEqualTo(expected);
            outcomes.merge(
                    expected == null ? "valid" : expected.replaceAll(" '.*", "").replaceAll(" \\(U\\+.*", ""),
                    1,
                    Integer::sum);
            if (expected == null) {
                assertThat(parse.domain().value()).as(host).isEqualTo(stripped(host));
            }
        }
        // every rule was exercised, both ways
        assertThat(outcomes)
                .containsKeys(
                        "valid",
                        "blank",
                        "a bare word, not a domain (no dot)",
                        "not a valid hostname (label longer than 63 characters)",
                        "not a valid hostname (bad label",
                        "not a valid hostname (top-level label")
                .allSatisfy((outcome, count) -> assertThat(count).as(outcome).isGreaterThan(10));
    }

    /** What the normalizer does to such a host before the rules: a trailing dot, then "www." prefixes. */
    private static String stripped(String host) {
        String s = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        while (s.startsWith("www.") && s.indexOf('.', 4) > 0) {
            s = s.substring(4);
        }
        return s;
    }

    private static String expectedProblem(String host) {
        if (host.isBlank()) {
            return "blank";
        }
        String s = stripped(host);
        if (s.isEmpty()) {
            return "no host";
        }
        if (s.length() > 253) {
            return "longer than 253 characters";
        }
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            return "a bare word, not a domain (no dot)";
        }
        for (String label : labels) {
            if (label.length() > 63) {
                return "not a valid hostname (label longer than 63 characters)";
            }
            if (!LABEL.matcher(label).matches()) {
                return "not a valid hostname (bad label '" + label + "')";
            }
        }
        String last = labels[labels.length - 1];
        if (!TOP_LEVEL.matcher(last).matches()) {
            return "not a valid hostname (top-level label '" + last + "')";
        }
        return null;
    }
}
