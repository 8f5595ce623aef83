package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.errors.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ApplyReadoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exitCode_someActionsFailed_saysTheOthersWentAhead() {
        StringWriter err = new StringWriter();

        int code = ApplyReadout.exitCode(receipt(3, 2), new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.REMOTE);
        assertThat(err.toString()).contains("error: 2 actions failed").contains("the others went ahead");
    }

    @Test
    void exitCode_everyActionFailed_doesNotSayOthersWentAhead() {
        StringWriter err = new StringWriter();

        int code = ApplyReadout.exitCode(receipt(8, 8), new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.REMOTE);
        assertThat(err.toString()).contains("error: 8 actions failed").doesNotContain("went ahead");
    }

    private static ObjectNode receipt(int attempted, int failed) {
        ObjectNode r = JSON.createObjectNode().put("mode", "dry_run");
        r.putObject("counts").put("attempted", attempted).put("failed", failed);
        r.putArray("results");
        return r;
    }
}
