package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZendeskRecordsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void organization_apiObject_mapsUsedFieldsAndIgnoresOthers() {
        Organization org = ZendeskRecords.organization(json("{\"url\":\"https://x.zendesk.com/api/v2/organizations/9001"
                + ".json\",\"id\":9001,\"name\":\"Acme\",\"shared_tickets\":false,\"external_id\":\"001ACME001\","
                + "\"domain_names\":[\"acme.example\",\"acmehealth.example\"],\"tags\":[\"vip\"],"
                + "\"organization_fields\":{\"tier\":{\"nested\":[1,2]}},\"deleted_at\":null}"));

        assertThat(org)
                .isEqualTo(new Organization(
                        new ZendeskOrgId(9001),
                        "Acme",
                        "001ACME001",
                        List.of("acme.example", "acmehealth.example"),
                        ""));
    }

    @Test
    void organization_nullsEverywhere_areTolerated() {
        Organization org = ZendeskRecords.organization(
                json("{\"id\":1,\"name\":null,\"external_id\":null,\"domain_names\":null,\"deleted_at\":null}"));

        assertThat(org.name()).isEmpty();
        assertThat(org.hasExternalId()).isFalse();
        assertThat(org.domainNames()).isEmpty();
        assertThat(org.deleted()).isFalse();
    }

    @Test
    void organization_numericExternalId_isReadAsText() {
        assertThat(ZendeskRecords.organization(json("{\"id\":1,\"external_id\":12345}"))
                        .externalId())
                .isEqualTo("12345");
    }

    @Test
    void organization_externalIdANumberNotWhole_isRefusedNotReadAsAnotherSpelling() {
        for (String n : List.of("1.5e3", "1500.0", "1e400")) {
            assertThatThrownBy(() -> ZendeskRecords.organization(json("{\"id\":1,\"external_id\":" + n + "}")))
                    .hasMessageStartingWith("'external_id' must be a string or a whole number, found ");
        }
        assertThat(ZendeskRecords.organization(json("{\"id\":1,\"external_id\":123456789012345678901234}"))
                        .externalId())
                .isEqualTo("123456789012345678901234");
    }

    @Test
    void organization_deletedAt_marksItDeleted() {
        assertThat(ZendeskRecords.organization(json("{\"id\":1,\"deleted_at\":\"2026-01-02T03:04:05Z\"}"))
                        .deleted())
                .isTrue();
    }

    @Test
    void organization_domainNamesNotAnArray_failsNamingTheField() {
        assertThatThrownBy(() -> ZendeskRecords.organization(json("{\"id\":1,\"domain_names\":\"acme.example\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'domain_names' must be an array of strings, found \"acme.example\"");
        assertThatThrownBy(() -> ZendeskRecords.organization(json("{\"id\":1,\"domain_names\":[\"a.example\",7]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'domain_names[]' must be a string, found 7");
    }

    @Test
    void organization_nameOfWrongType_failsNamingTheField() {
        assertThatThrownBy(() -> ZendeskRecords.organization(json("{\"id\":1,\"name\":{\"en\":\"Acme\"}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'name' must be a string, found {\"en\":\"Acme\"}");
    }

    @Test
    void user_apiObject_mapsUsedFields() {
        User user = ZendeskRecords.user(json("{\"id\":7001,\"name\":\"Maria\",\"email\":\"maria@acme.example\","
                + "\"role\":\"end-user\",\"organization_id\":9001,\"active\":true,\"suspended\":false,"
                + "\"photo\":null,\"user_fields\":{}}"));

        assertThat(user)
                .isEqualTo(new User(
                        new ZendeskUserId(7001),
                        "maria@acme.example",
                        "Maria",
                        "end-user",
                        new ZendeskOrgId(9001),
                        true,
                        false));
        assertThat(user.eligible()).isTrue();
    }

    @Test
    void user_activeAndSuspendedAbsent_defaultToActiveAndNotSuspended() {
        User user = ZendeskRecords.user(json("{\"id\":1,\"email\":\"a@b.example\",\"role\":\"end-user\"}"));

        assertThat(user.active()).isTrue();
        assertThat(user.suspended()).isFalse();
        assertThat(user.organizationId()).isNull();
    }

    @Test
    void user_activeAndSuspendedNull_readAsAbsent() {
        User user = ZendeskRecords.user(
                json("{\"id\":1,\"email\":\"a@b.example\",\"role\":\"end-user\",\"active\":null,\"suspended\":null}"));

        assertThat(user.active()).isTrue();
        assertThat(user.suspended()).isFalse();
        assertThat(user.eligible()).isTrue();
    }

    @Test
    void user_nullOrganizationAndEmail_areTolerated() {
        User user = ZendeskRecords.user(json("{\"id\":1,\"email\":null,\"organization_id\":null}"));

        assertThat(user.email()).isEmpty();
        assertThat(user.organizationId()).isNull();
        assertThat(user.eligible()).isFalse();
    }

    @Test
    void user_activeNotBoolean_failsNamingTheField() {
        assertThatThrownBy(() -> ZendeskRecords.user(json("{\"id\":1,\"active\":\"yes\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'active' must be true, false or null, found \"yes\"");
    }

    @Test
    void membership_defaultTrue_isDefault() {
        assertThat(membership("true").isDefault()).isTrue();
    }

    @Test
    void membership_defaultNull_isNotDefault() {
        assertThat(membership("null").isDefault()).isFalse();
    }

    @Test
    void membership_defaultFalse_isNotDefault() {
        assertThat(membership("false").isDefault()).isFalse();
    }

    @Test
    void membership_defaultAbsent_isNotDefault() {
        assertThat(ZendeskRecords.membership(json("{\"id\":5,\"user_id\":7,\"organization_id\":9}"))
                        .isDefault())
                .isFalse();
    }

    @Test
    void membership_missingUserId_failsNamingTheField() {
        assertThatThrownBy(() -> ZendeskRecords.membership(json("{\"id\":5,\"organization_id\":9}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing 'user_id'");
    }

    private static Membership membership(String defaultValue) {
        return ZendeskRecords.membership(
                json("{\"id\":5,\"user_id\":7,\"organization_id\":9,\"default\":" + defaultValue + "}"));
    }

    @Test
    void ticket_timestampsWithOffsets_areConvertedToInstants() {
        Ticket ticket = ZendeskRecords.ticket(json("{\"id\":10001,\"requester_id\":7001,\"organization_id\":9001,"
                + "\"created_at\":\"2026-03-13T01:45:57+02:00\",\"updated_at\":\"2026-03-25T07:45:57.123-05:30\","
                + "\"status\":\"open\"}"));

        assertThat(ticket.createdAt()).isEqualTo(Instant.parse("2026-03-12T23:45:57Z"));
        assertThat(ticket.updatedAt()).isEqualTo(Instant.parse("2026-03-25T13:15:57.123Z"));
        assertThat(ticket.activityAt()).isEqualTo(ticket.updatedAt());
        assertThat(ticket.status()).isEqualTo("open");
    }

    @Test
    void ticket_zuluTimestampAndNullUpdatedAt_fallsBackToCreatedAt() {
        Ticket ticket = ZendeskRecords.ticket(
                json("{\"id\":1,\"created_at\":\"2026-03-13T01:45:57Z\",\"updated_at\":null,\"requester_id\":null}"));

        assertThat(ticket.activityAt()).isEqualTo(Instant.parse("2026-03-13T01:45:57Z"));
        assertThat(ticket.requesterId()).isNull();
        assertThat(ticket.organizationId()).isNull();
    }

    @Test
    void ticket_timestampWithoutOffset_failsNamingTheField() {
        assertThatThrownBy(() -> ZendeskRecords.ticket(json("{\"id\":1,\"created_at\":\"2026-03-13 01:45:57\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'created_at' must be an ISO 8601 timestamp with its UTC offset (2026-04-17T22:15:30Z or "
                        + "2026-04-17T18:15:30-04:00), found \"2026-03-13 01:45:57\"");
    }

    @Test
    void ticket_timestampAsEpochNumber_failsNamingTheField() {
        assertThatThrownBy(() -> ZendeskRecords.ticket(json("{\"id\":1,\"updated_at\":1774424757}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'updated_at' must be a string, found 1774424757");
    }
}
