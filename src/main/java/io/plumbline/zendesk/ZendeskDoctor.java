package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.PlumblineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that Plumbline can do its work against one Zendesk: each call below really needs the
 * credentials (never {@code /users/me}, which answers an anonymous caller with 200), then it reports
 * the token's scopes and the rate-limit headroom. Every failure carries Zendesk's answer and the fix.
 *
 * <p>The reads are made as a live audit makes them ({@code http}: with client credentials, a token asked
 * for read scopes only); the scopes are those of the token apply would get ({@code applyHttp}), which
 * may be refused when the OAuth client may not ask for what {@code oauth_scopes} says.
 */
public final class ZendeskDoctor {
    private static final String AREA = "zendesk";
    private final ZendeskHttp http;
    private final ZendeskHttp applyHttp;

    public ZendeskDoctor(ZendeskHttp http) {
        this(http, http);
    }

    public ZendeskDoctor(ZendeskHttp http, ZendeskHttp applyHttp) {
        this.http = http;
        this.applyHttp = applyHttp;
    }

    public List<HealthCheck> run() {
        List<HealthCheck> out = new ArrayList<>();
        HealthCheck reach = probe("organizations", "/api/v2/organizations/count");
        out.add(reach);
        if (reach.status() == HealthCheck.Status.FAIL) {
            return out;
        }
        out.add(probe("end-users", "/api/v2/users/count?role=end-user"));
        // the listings and exports a pull reads (some need an admin), each for one record or an hour
        out.add(probe("the end-user listing", "/api/v2/users?page%5Bsize%5D=1&role=end-user"));
        out.add(probe("organization memberships", "/api/v2/organization_memberships?page%5Bsize%5D=1"));
        long hourAgo =
                http.settings().clock().instant().minus(Duration.ofHours(1)).getEpochSecond();
        out.add(probe("organization export", "/api/v2/incremental/organizations.json?start_time=" + hourAgo));
        out.add(probe("ticket export", "/api/v2/incremental/tickets/cursor.json?per_page=1&start_time=" + hourAgo));
        out.add(scopes());
        TokenLifetime.warning(applyHttp).ifPresent(w -> out.add(HealthCheck.warn(AREA, w, "")));
        out.add(headroom());
        return out;
    }

    private HealthCheck probe(String what, String path) {
        try {
            JsonNode body = http.get(path).body();
            JsonNode count = body.path("count").path("value");
            return HealthCheck.ok(
                    AREA, "can read " + what + (count.canConvertToLong() ? " (" + count.asLong() + ")" : ""));
        } catch (PlumblineException e) {
            return HealthCheck.fail(AREA, "cannot read " + what, e.getMessage(), e.exitCode());
        }
    }

    private HealthCheck scopes() {
        ZendeskAuth auth = http.auth();
        if (auth instanceof ApiTokenAuth) {
            return HealthCheck.warn(
                    AREA,
                    "legacy API token (" + auth.describe() + "): it has its user's full access "
                            + "and stops working on 2027-04-30",
                    "create an OAuth client and set zendesk.auth.client_id_env "
                            + "+ client_secret_env, or oauth_access_token_env");
        }
        try {
            Set<String> scopes = new TreeSet<>();
            applyHttp
                    .get("/api/v2/oauth/tokens/current.json")
                    .body()
                    .path("token")
                    .path("scopes")
                    .forEach(s -> scopes.add(s.asText()));
            boolean write =
                    scopes.contains("write") || scopes.containsAll(Set.of("organizations:write", "users:write"));
            if (!write) {
                return HealthCheck.warn(
                        AREA,
                        "token scopes: " + String.join(" ", scopes) + " (enough to audit, not to apply)",
                        "for apply, use a token with the write scope " + "(zendesk.auth.oauth_scopes: \"read write\")");
            }
            return HealthCheck.ok(AREA, "token scopes: " + String.join(" ", scopes));
        } catch (PlumblineException e) {
            return applyHttp == http
                    ? HealthCheck.warn(AREA, "could not read the token's scopes", e.getMessage())
                    : HealthCheck.warn(
                            AREA,
                            "audits can read, but apply cannot get a token with zendesk.auth.oauth_scopes",
                            e.getMessage());
        }
    }

    private HealthCheck headroom() {
        RateWindow w = http.pacer().accountWindow();
        if (w == null || w.limit() <= 0 || w.remaining() < 0) {
            return HealthCheck.warn(AREA, "Zendesk sent no rate-limit headers", "");
        }
        String text = "rate limit: " + w.remaining() + " of " + w.limit() + " requests this minute left";
        if (w.remaining() * 5L < w.limit()) {
            return HealthCheck.warn(
                    AREA,
                    text,
                    "other integrations use most of the limit: a live audit will "
                            + "wait for it; run it off-peak or ask for the High Volume API add-on");
        }
        return HealthCheck.ok(AREA, text);
    }
}
