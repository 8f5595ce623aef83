package io.plumbline.salesforce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stands in for the {@code sf} CLI: answers every command with one result, or each as a function of it,
 * or fails to start.
 */
final class FakeCommandRunner implements CommandRunner {
    final List<List<String>> commands = new ArrayList<>();
    private final Function<List<String>, Result> answer;

    private FakeCommandRunner(Function<List<String>, Result> answer) {
        this.answer = answer;
    }

    static FakeCommandRunner answering(int exitCode, String stdout) {
        Result result = new Result(exitCode, stdout, "");
        return new FakeCommandRunner(command -> result);
    }

    /** Answers each command as {@code answer} says; a null answer is a command that never finishes. */
    static FakeCommandRunner answering(Function<List<String>, Result> answer) {
        return new FakeCommandRunner(answer);
    }

    /** A machine without the CLI: starting it fails as ProcessBuilder does. */
    static FakeCommandRunner notInstalled() {
        return new FakeCommandRunner(null);
    }

    @Override
    public Result run(List<String> command) throws IOException {
        commands.add(List.copyOf(command));
        if (answer == null) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        }
        Result result = answer.apply(command);
        if (result == null) {
            throw new NotFinished("did not finish within 120 s");
        }
        return result;
    }
}
