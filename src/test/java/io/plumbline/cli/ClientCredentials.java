package io.plumbline.cli;

import io.plumbline.zendesk.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * An OAuth client that may be granted {@code read} only, and a config that signs in as it while asking
 * for {@code read write}: what a live run asks for is then seen in whether Zendesk grants it.
 */
final class ClientCredentials {
    static final Map<String, String> ENV = Map.of("ZD_ID", "plumbline", "ZD_SECRET", "s3cret-client");

    private ClientCredentials() {}

    static EmulatorConfig readOnlyClient() {
        return EmulatorConfig.withToken("unused")
                .withOAuthClient("plumbline", "s3cret-client", Set.of("read"), Duration.ofMinutes(30));
    }

    /** {@code config}, whose Zendesk sign-in is the token in ZD_TOKEN, signing in as that client instead. */
    static Path use(Path config) throws IOException {
        return Files.writeString(
                config,
                Files.readString(config)
                        .replace(
                                "    oauth_access_token_env: ZD_TOKEN\n",
                                "    client_id_env: ZD_ID\n    client_secret_env: ZD_SECRET\n"
                                        + "    oauth_scopes: \"read write\"\n"));
    }
}
