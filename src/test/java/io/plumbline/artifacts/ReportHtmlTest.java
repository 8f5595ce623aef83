package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html embeds the inputs' text in a script element without letting any of it out. */
class ReportHtmlTest {
    private static final String HOSTILE = "</script><script>alert(1)</script> & <b>Co</b>";

    @Test
    void reportData_hostileAccountName_isEscapedInsideTheScriptAndReadsBackUnchanged(@TempDir Path tmp)
            throws Exception {
        Cli.Result run = Cli.run(
                "audit",
                "--snapshot",
                "src/test/resources/golden/formula-injection/input",
                "--out",
                tmp.toString(),
                "--run-id",
                "r",
                "--quiet",
                "--no-history");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(tmp.resolve("r/report.html"));

        String open = "<script type=\"application/json\" id=\"report-data\">";
        int start = html.indexOf(open) + open.length();
        String data = html.substring(start, html.indexOf("</script>", start));
        assertThat(data).doesNotContain("<", ">", "&").contains("\\u003c/script\\u003e");
        List<String> names = new ArrayList<>();
        for (JsonNode account : Json.MAPPER.readTree(data).path("accounts")) {
            names.add(account.path("name").asText());
        }
        assertThat(names).contains(HOSTILE);
        assertThat(html).doesNotContain("<script>alert(1)");
    }
}
