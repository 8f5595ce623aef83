package io.plumbline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for a URL that credentials are sent to: absolute {@code https}, or plain {@code http} only on
 * the loopback interface (local test servers), so a token never crosses a network unencrypted; and no
 * user-info, query or fragment, so nothing secret rides in the URL itself, where messages would show it.
 */
public final class TokenUrls {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private TokenUrls() {}

    /** Why {@code raw} may not receive credentials, or null when it may; {@code example} shows the form. */
    public static String problem(String raw, String example) {
        if (raw == null || raw.isBlank()) {
            return "it is blank";
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            return "it is not a URL like " + example;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "it must look like " + example;
        }
        if (uri.getRawUserInfo() != null) {
            return "it must not hold a user name or password (credentials come from environment variables)";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "it must not have a query or fragment; give only scheme, host, port and path, like " + example;
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return "it must use https (plain http is accepted only for localhost)";
        }
        return null;
    }
}
