package io.plumbline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What every command receives from the outside world: its output streams, the environment (the only
 * place secrets are read from) and the clock. Tests pass their own.
 */
public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    public Context {
        env = Map.copyOf(env);
    }
}
