package io.plumbline.zendesk;

import io.plumbline.config.ZendeskConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a {@link ZendeskHttp} from the config and an injected environment (never
 * {@code System.getenv} here): chooses the credentials, the base URL, and an HTTP client that follows
 * no redirects (so credentials are never sent to another host).
 */
public final class ZendeskConnector {
    private ZendeskConnector() {}

    public static ZendeskHttp connect(ZendeskConfig config, Map<String, String> env, Consumer<String> warnings) {
        return connect(config, ZendeskSettings.from(config), env, warnings);
    }

    /** With explicit settings (tests use scaled time and short timeouts). */
    public static ZendeskHttp connect(
            ZendeskConfig config, ZendeskSettings settings, Map<String, String> env, Consumer<String> warnings) {
        ZendeskAuth auth = ZendeskAuths.fromConfig(config.auth(), env, settings.clock(), warnings);
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(
                        Math.min(30, settings.requestTimeout().toSeconds() + 1)))
                .build();
        return new ZendeskHttp(client, settings, auth);
    }
}
