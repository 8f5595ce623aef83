package io.plumbline.cli;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.model.Texts;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The command-line entry point. It takes its writers, environment and clock, returns the exit code,
 * and never calls {@code System.exit} itself: only {@link #main} does. User-facing errors print as one
 * clear message; no stack trace reaches the user.
 */
public final class Main {
    /** Exit code for a defect in Plumbline itself (never for bad input). */
    static final int INTERNAL_ERROR = 70;

    private final Context ctx;

    public Main(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        this.ctx = new Context(out, err, env, clock);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(new Main(out, err, System.getenv(), Clock.systemUTC()).run(args));
    }

    public int run(String... args) {
        CommandLine cli = new CommandLine(new TopCommand(), new Factory(ctx, List.of(args)));
        // every command's -V/--version prints the same version as the top level's
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        cli.setUsageHelpAutoWidth(true); // as wide as the terminal (80 columns when it is not one)
        cli.setOut(ctx.out());
        cli.setErr(ctx.err());
        cli.setExecutionExceptionHandler(this::onException);
        cli.setParameterExceptionHandler(this::onBadParameters);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory();
        }
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    private int onException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return outOfMemory(); // met on a worker thread, and passed on wrapped
            }
        }
        if (e instanceof PlumblineException p) {
            String message = shownLines(p.getMessage());
            ctx.err().println(message.contains(": error: ") ? message : "error: " + message);
            return p.exitCode();
        }
        ctx.err()
                .println("error: unexpected failure (" + e.getClass().getSimpleName() + ": "
                        + shownLines(withoutEnvSecrets(String.valueOf(e.getMessage()), ctx.env()))
                        + "); this is a defect in plumbline, please report it with the command you ran");
        if (ctx.env().containsKey("PLUMBLINE_DEBUG")) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            ctx.err().print(withoutEnvSecrets(trace.toString(), ctx.env())); // the causes' messages too
        }
        return INTERNAL_ERROR;
    }

    /**
     * The heap ran out: said as what it is, not as a defect, with what to do; and not exit 1, which a CI job
     * reads as "the audit found what --fail-on names".
     */
    private int outOfMemory() {
        ctx.err()
                .println("error: out of memory: the Java heap is too small for this tenant; give it more with"
                        + " PLUMBLINE_JAVA_OPTS=\"-Xmx8g\" (or more; the README's Performance section has the figures)"
                        + " and run again");
        return INTERNAL_ERROR;
    }

    /**
     * {@code message} with the value of every environment variable that could be a secret (16 characters
     * or more once stripped, with no space or slash inside, so not a path or a sentence) masked. An unexpected failure's message
     * was not written by Plumbline, and may quote a token it was handed (a JDK error quoting a header).
     */
    static String withoutEnvSecrets(String message, Map<String, String> env) {
        String out = message;
        // stripped as Plumbline strips what it reads, and the longest first, so none is left half masked
        List<String> secrets = env.values().stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(v -> v.length() >= 16)
                .filter(v -> v.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isWhitespace(c)))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String value : secrets) {
            out = out.replace(value, "[redacted]");
        }
        return out;
    }

    /**
     * A message's lines with the characters of each that could drive a terminal escaped: a message may
     * quote what Zendesk, Salesforce or a file said.
     */
    private static String shownLines(String message) {
        return String.valueOf(message).lines().map(Texts::shown).collect(Collectors.joining("\n"));
    }

    private int onBadParameters(CommandLine.ParameterException e, String[] args) {
        String message = shownLines(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException
                && e.getCommandLine().getParent() == null
                && args.length > 0
                && !args[0].startsWith("-")) {
            // the first word names no command (picocli says "Unmatched argument at index 0")
            message = "unknown command '" + args[0] + "': pick one of " + TopCommand.COMMANDS + " (or help COMMAND)";
        }
        // some picocli messages (a missing argument of a group) start with their own "Error: "
        ctx.err()
                .println("error: " + (message.startsWith("Error: ") ? message.substring("Error: ".length()) : message));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            // a mistyped command or option: the ones it is closest to
            ctx.err()
                    .println("Did you mean: "
                            + unmatched.getSuggestions().stream()
                                    .map(Texts::shown)
                                    .collect(Collectors.joining(" or ")) + "?");
        }
        ctx.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    /** Creates commands with the context injected, other picocli objects the default way. */
    private record Factory(Context ctx, List<String> argv) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var constructor : cls.getDeclaredConstructors()) {
                if (Arrays.equals(constructor.getParameterTypes(), new Class<?>[] {Context.class})) {
                    constructor.setAccessible(true);
                    Object command = constructor.newInstance(ctx);
                    if (command instanceof AuditCommand audit) {
                        audit.argv = argv;
                    }
                    return cls.cast(command);
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
