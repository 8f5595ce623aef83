package io.plumbline.errors;

import io.plumbline.model.Texts;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words an unknown key of a file Plumbline reads keys from (the config, a snapshot's {@code snapshot.json})
 * the one way, with the known key it was likely meant to be: the same once case, {@code _} and {@code -}
 * are set aside ({@code Max-Retries}, {@code capturedAt}), or within two typed letters of it ({@code
 * subdomian}, {@code zendsk}).
 */
public final class KnownKeys {
    private KnownKeys() {}

    /** The known key {@code key} was likely meant to be; empty when none is that near, or several are. */
    public static Optional<String> meant(String key, Collection<String> known) {
        List<String> same =
                known.stream().filter(k -> bare(k).equals(bare(key))).toList();
        if (same.size() == 1) {
            return Optional.of(same.get(0));
        }
        String near = key.replace('-', '_').toLowerCase(Locale.ROOT);
        List<String> close =
                known.stream().filter(k -> Texts.edits(k, near) <= 2).toList();
        return close.size() == 1 ? Optional.of(close.get(0)) : Optional.empty();
    }

    /**
     * {@code unknown key 'subdomian'; did you mean 'subdomain'? (known keys here: [auth, base_url, ...])},
     * the suggestion left out when {@link #meant} has none; {@code known} is listed as given.
     */
    public static String unknown(String key, List<String> known) {
        return "unknown key '" + key + "'"
                + meant(key, known).map(k -> "; did you mean '" + k + "'?").orElse("")
                + " (known keys here: " + known + ")";
    }

    private static String bare(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
