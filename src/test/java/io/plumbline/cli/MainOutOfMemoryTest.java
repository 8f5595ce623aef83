package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A heap too small for the tenant: said as what it is, not as a defect, and not exit 1 (a --fail-on hit). */
class MainOutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void audit_heapTooSmall_saysSoAndExits70NotOne() throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx12m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        cp,
                        "io.plumbline.cli.Main",
                        "audit",
                        "--demo",
                        "--out",
                        dir.resolve("out").toString(),
                        "--quiet"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(output)
                .contains("error: out of memory: the Java heap is too small for this tenant")
                .doesNotContain("defect");
    }
}
