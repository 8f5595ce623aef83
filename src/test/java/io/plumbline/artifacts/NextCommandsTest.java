package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NextCommandsTest {
    @Test
    void of_runFolder_startsWithPlumblineAndQuotesWhatTheShellWouldSplit() {
        assertThat(NextCommands.of(Path.of("/runs/r 1"), "001A"))
                .extracting(c -> c[1])
                .containsExactly(
                        "plumbline apply --plan '/runs/r 1/fix_plan.json'",
                        "plumbline trace --sf-account-id 001A --run '/runs/r 1'");
    }

    @Test
    void of_program_startsEachCommandWithIt() {
        assertThat(NextCommands.of("./plumbline", Path.of("/runs/r"), null))
                .extracting(c -> c[1])
                .containsExactly("./plumbline apply --plan /runs/r/fix_plan.json");
    }
}
