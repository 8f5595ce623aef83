package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.apply.ActionResult;
import io.plumbline.apply.ResultStatus;
import io.plumbline.errors.ExitCodes;
import io.plumbline.model.ActionCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void undone_saysWhatEachInverseWrites() {
        assertThat(ApplyReadout.undone(result(ActionCode.SET_ORG_EXTERNAL_ID, 9001L, null, "001A")))
                .isEqualTo("org 9001 external_id 001A -> blank");
        assertThat(ApplyReadout.undone(result(ActionCode.ADD_ORG_DOMAIN, 9001L, null, "a.example")))
                .isEqualTo("org 9001 - domain a.example");
        assertThat(ApplyReadout.undone(result(ActionCode.ASSIGN_USER_TO_ORG, 9001L, 7001L, "9001")))
                .isEqualTo("user 7001 - member of org 9001");
        assertThat(ApplyReadout.undone(result(ActionCode.MOVE_USER_TO_ORG, 9002L, 7001L, "9002")))
                .isEqualTo("user 7001 default org back from 9002");
        assertThat(ApplyReadout.undone(
                        result(ActionCode.ADD_ORG_DOMAIN, ResultStatus.SKIPPED, 9004L, null, "acmebio.example")))
                .isEmpty();
    }

    @Test
    void change_saysWhatEachRepairWrites() {
        assertThat(ApplyReadout.change(result(ActionCode.SET_ORG_EXTERNAL_ID, 9001L, null, "001A")))
                .isEqualTo("org 9001 external_id = 001A");
        assertThat(ApplyReadout.change(result(ActionCode.ADD_ORG_DOMAIN, 9001L, null, "a.example")))
                .isEqualTo("org 9001 + domain a.example");
        assertThat(ApplyReadout.change(result(ActionCode.ASSIGN_USER_TO_ORG, 9001L, 7001L, "9001")))
                .isEqualTo("user 7001 + member of org 9001");
        assertThat(ApplyReadout.change(result(ActionCode.MOVE_USER_TO_ORG, 9002L, 7001L, "9002")))
                .isEqualTo("user 7001 default org = 9002");
        assertThat(ApplyReadout.change(result(ActionCode.SET_ORG_EXTERNAL_ID, null, null, "")))
                .isEmpty();
        // a blocked row may carry the value it would need (a domain on another org): it writes nothing
        assertThat(ApplyReadout.change(
                        result(ActionCode.ADD_ORG_DOMAIN, ResultStatus.BLOCKED, 9004L, null, "acmebio.example")))
                .isEmpty();
        assertThat(ApplyReadout.change(
                        result(ActionCode.ADD_ORG_DOMAIN, ResultStatus.SKIPPED, 9004L, null, "acmebio.example")))
                .isEmpty();
    }

    @Test
    void print_idsFromAReceiptFile_showControlCharactersAsEscapes() {
        StringWriter out = new StringWriter();
        ActionResult row = new ActionResult(
                "A\u001b[2J",
                ActionCode.ADD_ORG_DOMAIN,
                ResultStatus.WOULD_APPLY,
                "",
                "001\u0007",
                9001L,
                null,
                null,
                "a.example",
                Map.of(),
                Map.of(),
                "");

        ApplyReadout.print(
                new PrintWriter(out),
                receipt(1, 0),
                List.of(row),
                "h",
                Path.of("r.json"),
                null,
                false,
                false,
                ApplyReadout.NextWords.NONE);

        assertThat(out.toString())
                .contains("A\\u001B[2J")
                .contains("001\\u0007")
                .doesNotContain("\u001b", "\u0007");
    }

    private static ActionResult result(ActionCode code, Long org, Long user, String value) {
        return result(code, ResultStatus.WOULD_APPLY, org, user, value);
    }

    private static ActionResult result(ActionCode code, ResultStatus status, Long org, Long user, String value) {
        return new ActionResult("A001", code, status, "", "001A", org, user, null, value, Map.of(), Map.of(), "");
    }

    private static ObjectNode receipt(int attempted, int failed) {
        ObjectNode r = JSON.createObjectNode().put("mode", "dry_run");
        r.putObject("counts").put("attempted", attempted).put("failed", failed);
        r.putArray("results");
        return r;
    }
}
