package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.ActionCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptFileTest {
    @TempDir
    Path dir;

    @Test
    void accept_rowsThatSettleNoWrite_goToDiskWithTheNextWriteNotEachOnItsOwn() throws IOException {
        Path path = dir.resolve("apply_receipt.json");
        ObjectNode header = ReceiptFile.MAPPER.createObjectNode().put("mode", "apply");
        ReceiptFile receipt = new ReceiptFile(path, header);

        for (int i = 1; i <= 3; i++) {
            receipt.accept(row("A00" + i, ResultStatus.SKIPPED, "cap_max_actions"));
        }
        assertThat(onDisk(path).path("results")).isEmpty();

        receipt.writing(row("A004", ResultStatus.APPLIED, ""));
        assertThat(onDisk(path).path("results")).hasSize(3);
        assertThat(onDisk(path).path("in_flight").path("action_id").asText()).isEqualTo("A004");

        receipt.accept(row("A004", ResultStatus.APPLIED, ""));
        assertThat(onDisk(path).path("results")).hasSize(4);
        assertThat(onDisk(path).has("in_flight")).isFalse();

        receipt.accept(row("A005", ResultStatus.BLOCKED, "blocked"));
        receipt.finish("2026-04-18T00:00:00Z");
        assertThat(onDisk(path).path("results")).hasSize(5);
        assertThat(onDisk(path).path("complete").asBoolean()).isTrue();
    }

    private static ActionResult row(String id, ResultStatus status, String reason) {
        return new ActionResult(
                id,
                ActionCode.ADD_ORG_DOMAIN,
                status,
                reason,
                "001A",
                9001L,
                null,
                null,
                "a.example",
                Map.of(),
                Map.of(),
                "");
    }

    private static JsonNode onDisk(Path path) throws IOException {
        return ReceiptFile.MAPPER.readTree(path.toFile());
    }
}
