package io.plumbline.zendesk;

import io.plumbline.config.ZendeskAuthConfig;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.zendesk.emulator.EmulatorConfig;
import io.plumbline.zendesk.emulator.EmulatorTime;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A seeded emulator plus a client wired to it, sharing one scaled clock (1 real ms = 1 emulated
 * second), with a short request timeout so injected slow answers and resets cost milliseconds.
 */
final class EmulatorHarness implements AutoCloseable {
    static final String TOKEN = "tok-live-0123456789";
    static final double SCALE = 1000;
    /**
     * A clock slow enough that a small pull ends well inside Zendesk's one-minute export lag, as a live
     * audit made right after a change does, even on a busy machine: the lag passes in 6.1 s of real
     * time, which is also what each such pull then waits.
     */
    static final double LAG_SCALE = 10;

    final ZendeskEmulator emulator;
    final EmulatorTime time;
    final List<String> warnings = new ArrayList<>();

    EmulatorHarness(Path seed, EmulatorConfig config) {
        this(seed, config, SCALE);
    }

    EmulatorHarness(Path seed, EmulatorConfig config, double scale) {
        this.time = new EmulatorTime(SeedSnapshots.CAPTURED_AT.plus(Duration.ofMinutes(5)), scale);
        this.emulator = ZendeskEmulator.start(seed, config, time);
    }

    static ZendeskAuthConfig bearer(String env) {
        return new ZendeskAuthConfig(env, null, null, null, null, null);
    }

    ZendeskConfig config(ZendeskAuthConfig auth) {
        return new ZendeskConfig(null, emulator.baseUri().toString(), auth, 1, 6);
    }

    ZendeskHttp http(ZendeskAuthConfig auth, Map<String, String> env) {
        return http(config(auth), env);
    }

    ZendeskHttp http(ZendeskConfig config, Map<String, String> env) {
        return http(config, env, Duration.ofSeconds(5));
    }

    ZendeskHttp http(ZendeskConfig config, Map<String, String> env, Duration realTimeout) {
        ZendeskSettings settings =
                ZendeskSettings.from(config).withTime(time, time).withRequestTimeout(realTimeout);
        return ZendeskConnector.connect(config, settings, env, warnings::add);
    }

    ZendeskHttp http() {
        return http(bearer("ZENDESK_OAUTH_TOKEN"), Map.of("ZENDESK_OAUTH_TOKEN", TOKEN));
    }

    /** As {@link #http()} with the settings of a live audit's pull ({@link ZendeskSettings#forPulls}). */
    ZendeskHttp pullHttp() {
        ZendeskConfig config = config(bearer("ZENDESK_OAUTH_TOKEN"));
        ZendeskSettings settings = ZendeskSettings.from(config)
                .withTime(time, time)
                .withRequestTimeout(Duration.ofSeconds(5))
                .forPulls();
        return ZendeskConnector.connect(config, settings, Map.of("ZENDESK_OAUTH_TOKEN", TOKEN), warnings::add);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
