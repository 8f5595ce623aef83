package io.plumbline.salesforce;

import io.plumbline.config.TokenUrls;
import java.net.URI;
import java.util.Locale;

/**
 * Checks the URLs a bearer token may be sent to, by {@link TokenUrls}' rule. The result keeps scheme,
 * host and port only.
 */
final class InstanceUrls {
    private InstanceUrls() {}

    /** The normalized base URL, or null when {@code raw} is not one; {@link #problem} says why. */
    static URI parse(String raw) {
        return problem(raw) == null ? base(URI.create(raw.strip())) : null;
    }

    /** Why {@code raw} is not an acceptable instance or login URL, or null when it is. */
    static String problem(String raw) {
        return TokenUrls.problem(raw, "https://yourcompany.my.salesforce.com");
    }

    private static URI base(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port);
    }
}
