package io.plumbline.testing;

import io.plumbline.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process with captured output, a fixed clock and an explicit environment. */
public final class Cli {
    public static final Instant NOW = Instant.parse("2026-04-17T22:15:30Z");

    /** The outcome of one command. */
    public record Result(int exitCode, String out, String err) {}

    private Cli() {}

    public static Result run(String... args) {
        return runWithEnv(Map.of(), args);
    }

    public static Result runWithEnv(Map<String, String> env, String... args) {
        return run(env, NOW, args);
    }

    /** Runs the command with the clock at {@code now}. */
    public static Result runAt(Instant now, String... args) {
        return run(Map.of(), now, args);
    }

    private static Result run(Map<String, String> env, Instant now, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                new Main(new PrintWriter(out), new PrintWriter(err), env, Clock.fixed(now, ZoneOffset.UTC)).run(args);
        return new Result(code, out.toString(), err.toString());
    }
}
