package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The real command runner: output capture, a missing program, and the timeout. */
@DisabledOnOs(OS.WINDOWS)
class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));

    @Test
    void run_command_capturesExitCodeAndBothStreams() throws IOException {
        CommandRunner.Result r = runner.run(List.of("sh", "-c", "echo '{\"status\":0}'; echo warn >&2; exit 3"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("{\"status\":0}\n");
        assertThat(r.stderr()).isEqualTo("warn\n");
    }

    @Test
    void run_programNotInstalled_throwsIOException() {
        assertThatThrownBy(() -> runner.run(List.of("plumbline-no-such-program-x")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void run_commandOutlivesTimeout_isKilled() {
        ProcessCommandRunner quick = new ProcessCommandRunner(Duration.ofMillis(200));

        assertThatThrownBy(() -> quick.run(List.of("sleep", "5")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not finish");
    }
}
