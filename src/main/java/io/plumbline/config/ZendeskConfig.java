package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Texts;
import io.plumbline.model.ZendeskInstance;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code zendesk:} section: which Zendesk, how long to wait for it, the names of the variables
 * holding credentials, and how often a live audit pulls everything rather than only what changed
 * ({@code full_pull_every_days}; 0 pulls in full every time). {@link #baseUri()} is {@code base_url}
 * when given, else {@code https://{subdomain}.zendesk.com}.
 */
public record ZendeskConfig(
        @JsonProperty("subdomain") String subdomain,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("auth") ZendeskAuthConfig auth,
        @JsonProperty("request_timeout_seconds") Integer requestTimeoutSeconds,
        @JsonProperty("max_retries") Integer maxRetries,
        @JsonProperty("full_pull_every_days") Integer fullPullEveryDays) {
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_MAX_RETRIES = 6;
    public static final int DEFAULT_FULL_PULL_EVERY_DAYS = 7;

    public ZendeskConfig {
        auth = auth == null ? ZendeskAuthConfig.defaults() : auth;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : requestTimeoutSeconds;
        maxRetries = maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
        fullPullEveryDays = fullPullEveryDays == null ? DEFAULT_FULL_PULL_EVERY_DAYS : fullPullEveryDays;
        if (requestTimeoutSeconds < 1) {
            throw ConfigException.atKey(
                    "zendesk.request_timeout_seconds",
                    "zendesk.request_timeout_seconds must be 1 or more, found " + requestTimeoutSeconds);
        }
        if (maxRetries < 0) {
            throw ConfigException.atKey(
                    "zendesk.max_retries",
                    "zendesk.max_retries must be 0 or more (0: never retry), found " + maxRetries);
        }
        if (fullPullEveryDays < 0) {
            throw ConfigException.atKey(
                    "zendesk.full_pull_every_days",
                    "zendesk.full_pull_every_days must be 0 or more (0: always pull in full), found "
                            + fullPullEveryDays);
        }
        // a value that is set must be usable, even for an offline audit that never calls Zendesk: said at
        // load, on the key's own line, rather than on the first live run; a missing one is said at use
        if (!Texts.isBlank(baseUrl)) {
            String problem = TokenUrls.problem(baseUrl.trim(), "https://acme.zendesk.com");
            if (problem == null
                    && baseUrl.trim()
                            .replaceAll("/+$", "")
                            .toLowerCase(Locale.ROOT)
                            .endsWith("/api/v2")) {
                problem = "it ends in /api/v2, which Plumbline puts before every request's path itself; give the"
                        + " Zendesk's own address, like https://acme.zendesk.com";
            }
            if (problem != null) {
                throw ConfigException.atKey("zendesk.base_url", "zendesk.base_url is not usable: " + problem);
            }
        } else if (!Texts.isBlank(subdomain) && !isSubdomain(subdomain)) {
            throw ConfigException.atKey("zendesk.subdomain", notASubdomain(subdomain));
        }
    }

    public ZendeskConfig(
            String subdomain,
            String baseUrl,
            ZendeskAuthConfig auth,
            Integer requestTimeoutSeconds,
            Integer maxRetries) {
        this(subdomain, baseUrl, auth, requestTimeoutSeconds, maxRetries, null);
    }

    /** This Zendesk with credentials that ask for read scopes only ({@link ZendeskAuthConfig#readOnly}). */
    public ZendeskConfig readOnly() {
        return new ZendeskConfig(
                subdomain, baseUrl, auth.readOnly(), requestTimeoutSeconds, maxRetries, fullPullEveryDays);
    }

    public static ZendeskConfig defaults() {
        return new ZendeskConfig(null, null, null, null, null, null);
    }

    /** The subdomain {@code init} writes when none is given: never called, since it is not the user's. */
    public static final String PLACEHOLDER_SUBDOMAIN = "yourcompany";

    /**
     * The API root every request is made against (a key that is set was checked when this record was made);
     * a config error when neither key is set, or when the subdomain is still {@link #PLACEHOLDER_SUBDOMAIN}.
     */
    public URI baseUri() {
        if (!Texts.isBlank(baseUrl)) {
            String text = baseUrl.trim();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        if (Texts.isBlank(subdomain)) {
            throw new ConfigException("zendesk.subdomain is not set; put your Zendesk subdomain (the 'acme' of "
                    + "acme.zendesk.com) in plumbline.yaml, or set zendesk.base_url");
        }
        if (subdomain.trim().equalsIgnoreCase(PLACEHOLDER_SUBDOMAIN)) {
            // another tenant's address: the token would be sent there
            throw new ConfigException("zendesk.subdomain is still '" + PLACEHOLDER_SUBDOMAIN + "', the placeholder "
                    + "init writes; put your Zendesk subdomain (the 'acme' of acme.zendesk.com) in plumbline.yaml, or "
                    + "set zendesk.base_url");
        }
        return URI.create("https://" + subdomain.trim().toLowerCase(java.util.Locale.ROOT) + ".zendesk.com");
    }

    /** The Zendesk this config names, as {@link ZendeskInstance#name} gives it; a config error when none is set. */
    public String instance() {
        return ZendeskInstance.name(baseUri());
    }

    private static String notASubdomain(String subdomain) {
        // a URL pasted whole may carry a user name and password or token: never quoted then
        String quoted =
                subdomain.contains("@") ? "(a value with a user name or password in it)" : "'" + subdomain + "'";
        return "zendesk.subdomain " + quoted + " is not a subdomain; give only the first label (e.g. 'acme' "
                + "for https://acme.zendesk.com), or set zendesk.base_url";
    }

    /** Whether {@code name} is a Zendesk subdomain: one DNS label, the 'acme' of acme.zendesk.com. */
    public static boolean isSubdomain(String name) {
        return SUBDOMAIN.matcher(name.trim().toLowerCase(java.util.Locale.ROOT)).matches();
    }
}
