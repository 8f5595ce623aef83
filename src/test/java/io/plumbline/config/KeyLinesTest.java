package io.plumbline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLinesTest {
    private static final List<String> YAML = List.of(
            "\uFEFFsalesforce:",
            "  # client_id_env: COMMENTED",
            "  client_id_env: SF_ID",
            "zendesk:",
            "  auth:",
            "",
            "    client_id_env: ZD_ID",
            "  max_retries: 3",
            "audit: {ticket_lookback_days: 5}",
            "store:",
            "  - path: a.db");

    @Test
    void find_dottedPath_isTheLineInThatSectionOnly() {
        assertThat(KeyLines.find(YAML, "zendesk.auth.client_id_env")).containsExactly(7, 5);
        assertThat(KeyLines.find(YAML, "salesforce.client_id_env")).containsExactly(3, 3);
        assertThat(KeyLines.find(YAML, "zendesk.max_retries")).containsExactly(8, 3);
    }

    @Test
    void find_singleName_isATopLevelKeyOnly() {
        assertThat(KeyLines.find(YAML, "salesforce")).containsExactly(1, 1);
        assertThat(KeyLines.find(YAML, "client_id_env")).isNull();
        assertThat(KeyLines.find(List.of("zendesk:", "  max_retries: 3", "max_retries: 5"), "max_retries"))
                .containsExactly(3, 1);
    }

    @Test
    void find_quotedKeys_areKeysToo() {
        assertThat(KeyLines.find(List.of("\"audit\":", "  'ticket_lookback_days': 0"), "audit.ticket_lookback_days"))
                .containsExactly(2, 3);
    }

    @Test
    void find_keyInsideAFlowMappingOrAListItem_isTheNearestLineThatHoldsIt() {
        assertThat(KeyLines.find(YAML, "audit.ticket_lookback_days")).containsExactly(9, 1);
        assertThat(KeyLines.find(YAML, "store.path")).containsExactly(11, 5);
    }

    @Test
    void find_keyTheFileDoesNotSet_isNull() {
        assertThat(KeyLines.find(YAML, "output.root")).isNull();
        assertThat(KeyLines.find(YAML, "nowhere")).isNull();
    }
}
