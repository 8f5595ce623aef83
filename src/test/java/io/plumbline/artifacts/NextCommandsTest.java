package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NextCommandsTest {
    @AfterEach
    void clear() {
        System.clearProperty(NextCommands.PROGRAM_PROPERTY);
    }

    @Test
    void of_withoutALauncherName_startsWithPlumbline() {
        assertThat(NextCommands.of(Path.of("/runs/r 1"), "001A"))
                .extracting(c -> c[1])
                .containsExactly(
                        "plumbline apply --plan '/runs/r 1/fix_plan.json'",
                        "plumbline trace --sf-account-id 001A --run '/runs/r 1'");
    }

    @Test
    void of_launcherNotOnPath_startsAsTheLauncherWasRun() {
        System.setProperty(NextCommands.PROGRAM_PROPERTY, "./plumbline");
        assertThat(NextCommands.of(Path.of("/runs/r"), null))
                .extracting(c -> c[1])
                .containsExactly("./plumbline apply --plan /runs/r/fix_plan.json");
        System.setProperty(NextCommands.PROGRAM_PROPERTY, "/opt/my tools/plumbline");
        assertThat(NextCommands.program()).isEqualTo("'/opt/my tools/plumbline'");
    }
}
