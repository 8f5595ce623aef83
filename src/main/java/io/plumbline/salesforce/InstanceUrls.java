package io.plumbline.salesforce;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the URLs a bearer token may be sent to: absolute {@code https} URLs, or plain {@code http}
 * only on the loopback interface (local test servers), so a token never crosses a network unencrypted.
 * The result keeps scheme, host and port only.
 */
final class InstanceUrls {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private InstanceUrls() {}

    /** The normalized base URL, or null when {@code raw} is not one; {@link #problem} says why. */
    static URI parse(String raw) {
        return problem(raw) == null ? base(URI.create(raw.strip())) : null;
    }

    /** Why {@code raw} is not an acceptable instance or login URL, or null when it is. */
    static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "it is blank";
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            return "it is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "it must look like https://yourcompany.my.salesforce.com";
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return "it must use https (plain http is accepted only for localhost)";
        }
        return null;
    }

    private static URI base(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port);
    }
}
