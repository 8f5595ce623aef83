package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NextCommandsTest {
    @Test
    void of_runFolder_startsWithPlumblineAndQuotesWhatTheShellWouldSplit() {
        assertThat(NextCommands.of(Path.of("/runs/r 1"), "001A", true))
                .extracting(c -> c[1])
                .containsExactly(
                        "plumbline apply --plan '/runs/r 1/fix_plan.json'",
                        "plumbline trace --sf-account-id 001A --run '/runs/r 1'");
    }

    @Test
    void of_program_startsEachCommandWithIt() {
        assertThat(NextCommands.of("./plumbline", Path.of("/runs/r"), null, true, null))
                .extracting(c -> c[1])
                .containsExactly("./plumbline apply --plan /runs/r/fix_plan.json");
    }

    @Test
    void of_configGiven_theApplyNamesIt() {
        assertThat(NextCommands.of("plumbline", Path.of("/runs/r"), "001A", true, Path.of("/etc/pl/my config.yaml")))
                .extracting(c -> c[1])
                .containsExactly(
                        "plumbline apply --plan /runs/r/fix_plan.json --config '/etc/pl/my config.yaml'",
                        "plumbline trace --sf-account-id 001A --run /runs/r");
    }

    @Test
    void of_planPreparingNoAction_suggestsNoApply() {
        assertThat(NextCommands.of(Path.of("/runs/r"), "001A", false))
                .extracting(c -> c[1])
                .containsExactly("plumbline trace --sf-account-id 001A --run /runs/r");
        assertThat(NextCommands.of(Path.of("/runs/r"), null, false)).isEmpty();
    }
}
