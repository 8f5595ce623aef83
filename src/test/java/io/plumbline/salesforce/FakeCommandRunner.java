package io.plumbline.salesforce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the {@code sf} CLI: answers every command with one result, or fails to start. */
final class FakeCommandRunner implements CommandRunner {
    final List<List<String>> commands = new ArrayList<>();
    private final Result result;

    private FakeCommandRunner(Result result) {
        this.result = result;
    }

    static FakeCommandRunner answering(int exitCode, String stdout) {
        return new FakeCommandRunner(new Result(exitCode, stdout, ""));
    }

    /** A machine without the CLI: starting it fails as ProcessBuilder does. */
    static FakeCommandRunner notInstalled() {
        return new FakeCommandRunner(null);
    }

    @Override
    public Result run(List<String> command) throws IOException {
        commands.add(List.copyOf(command));
        if (result == null) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        }
        return result;
    }
}
