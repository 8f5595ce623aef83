package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramNameTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(ProgramName.PROPERTY);
    }

    @Test
    void get_asTheLauncherSetIt_quotedForTheShell() {
        assertThat(ProgramName.get()).isEqualTo("plumbline");
        System.setProperty(ProgramName.PROPERTY, "/opt/my tools/plumbline");
        assertThat(ProgramName.get()).isEqualTo("'/opt/my tools/plumbline'");
    }

    @Test
    void audit_startedByTheLauncher_printsItsNameOnTheTerminalButNotInTheRunFolder() throws Exception {
        System.setProperty(ProgramName.PROPERTY, "./plumbline");
        Cli.Result r = Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "r");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("    ./plumbline apply --plan ")
                .contains("    ./plumbline trace --sf-account-id ");
        assertThat(Files.readString(tmp.resolve("r/summary.md")))
                .contains("`plumbline apply --plan ")
                .doesNotContain("./plumbline");
    }
}
