package io.plumbline.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * How plans, snapshots and receipts name the Zendesk they were made from or written to: the API root's
 * host, lowercased, with its port when it is not the scheme's own and its path when it has one ({@code
 * acme.zendesk.com}, {@code localhost:8080/zendesk}); never its scheme or user information. Two API roots
 * with the same name are the same Zendesk.
 */
public final class ZendeskInstance {
    private ZendeskInstance() {}

    /** The name of the Zendesk at API root {@code base}. */
    public static String name(URI base) {
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        int port = base.getPort();
        boolean ownPort = port < 0
                || ("https".equalsIgnoreCase(base.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(base.getScheme()) && port == 80);
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return host + (ownPort ? "" : ":" + port) + path;
    }

    /**
     * The name of the Zendesk that {@code text} gives, as a URL ({@code https://acme.zendesk.com/}) or as a
     * name ({@code acme.zendesk.com}, {@code localhost:8080}); empty when it names no host.
     */
    public static Optional<String> parse(String text) {
        String t = text.strip();
        try {
            URI uri = new URI(t.contains("://") ? t : "https://" + t);
            return uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    ? Optional.empty()
                    : Optional.of(name(uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
