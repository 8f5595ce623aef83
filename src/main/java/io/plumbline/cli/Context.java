package io.plumbline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What every command receives from the outside world: its output streams, the environment (the only
 * place secrets are read from), the clock, and where a live audit gets its Zendesk data. Tests pass
 * their own.
 */
public record Context(
        PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, ZendeskSnapshotSource zendesk) {
    public Context {
        env = Map.copyOf(env);
        Objects.requireNonNull(zendesk, "zendesk");
    }

    public Context(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        this(out, err, env, clock, ZendeskSnapshotSource.NOT_AVAILABLE);
    }
}
