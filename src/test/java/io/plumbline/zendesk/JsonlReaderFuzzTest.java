package io.plumbline.zendesk;

import static io.plumbline.fuzz.FuzzChecks.check;
import static io.plumbline.fuzz.FuzzChecks.checkDiagnostic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.InputException;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzz targets for the JSONL reader with each of the four record mappers: on any bytes the reader
 * either returns records with distinct ids or throws an {@link InputException} that reads as a
 * diagnostic. Seeds shared by all four targets sit directly in
 * {@code src/test/resources/io/plumbline/zendesk/JsonlReaderFuzzTestInputs/}, seeds for one target in
 * the sub-folder named after it.
 */
class JsonlReaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void organizations(byte[] data) {
        read(data, "organizations.jsonl", ZendeskRecords::organization, Organization::id);
    }

    @FuzzTest(maxDuration = "2m")
    void users(byte[] data) {
        read(data, "users.jsonl", ZendeskRecords::user, User::id);
    }

    @FuzzTest(maxDuration = "2m")
    void memberships(byte[] data) {
        read(data, "organization_memberships.jsonl", ZendeskRecords::membership, Membership::id);
    }

    @FuzzTest(maxDuration = "2m")
    void tickets(byte[] data) {
        read(data, "tickets.jsonl", ZendeskRecords::ticket, Ticket::id);
    }

    private static <T> void read(byte[] data, String file, Function<JsonNode, T> mapper, Function<T, Object> idOf) {
        if (data == null) {
            return;
        }
        List<T> records;
        try {
            records = JsonlReader.read(new ByteArrayInputStream(data), file, mapper, idOf);
        } catch (InputException e) {
            checkDiagnostic(e, file);
            return;
        }
        HashSet<Object> ids = new HashSet<>();
        for (T record : records) {
            check(record != null, "null record in %s", file);
            check(ids.add(idOf.apply(record)), "duplicate id %s returned from %s", idOf.apply(record), file);
        }
    }
}
