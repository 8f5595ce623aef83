package io.plumbline.zendesk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes known secret values (tokens, client secrets, encoded Basic credentials) from any text before
 * it reaches a message, log or file. Values shorter than four characters are ignored: they cannot be
 * told apart from ordinary text.
 */
public final class SecretRedactor {
    public static final String MASK = "[redacted]";
    private final List<String> secrets;

    public SecretRedactor(List<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(kept);
    }

    public static SecretRedactor none() {
        return new SecretRedactor(List.of());
    }

    /** A redactor that also masks {@code more} (e.g. a token fetched at run time). */
    public SecretRedactor with(String more) {
        List<String> all = new ArrayList<>(secrets);
        all.add(more);
        return new SecretRedactor(all);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
