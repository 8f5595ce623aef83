package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a query through the REST query endpoint, following {@code nextRecordsUrl} batch by batch
 * until Salesforce says {@code done}. Each batch is a checked query result (see {@link SalesforceApi}).
 */
final class RestQuery {
    /** Salesforce's error for a query cursor it no longer holds (timed out, or one too many open). */
    static final String INVALID_QUERY_LOCATOR = "INVALID_QUERY_LOCATOR";

    private RestQuery() {}

    /** The number of rows {@code query} selects, from a {@code COUNT()} query. */
    static long count(SalesforceApi api, SoqlQuery query) {
        return api.query(query, query.count()).path("totalSize").asLong();
    }

    /**
     * Every row of {@code query}, given to {@code rows} once all are read: a query whose cursor Salesforce
     * dropped midway ({@value #INVALID_QUERY_LOCATOR}) is run once more from its start, and rows fewer
     * or more than the {@code totalSize} Salesforce announced are an error, never a shorter account list.
     */
    static void run(SalesforceApi api, SoqlQuery query, Consumer<SfRow> rows) {
        List<SfRow> read;
        try {
            read = readAll(api, query);
        } catch (SalesforceApiException e) {
            if (!e.errorCode().equals(INVALID_QUERY_LOCATOR)) {
                throw e;
            }
            try {
                read = readAll(api, query);
            } catch (SalesforceApiException again) {
                if (!again.errorCode().equals(INVALID_QUERY_LOCATOR)) {
                    throw again;
                }
                throw new SalesforceApiException(
                        ExitCodes.REMOTE,
                        INVALID_QUERY_LOCATOR,
                        again.status(),
                        "Salesforce dropped the query's cursor twice before its last batch (" + INVALID_QUERY_LOCATOR
                                + "): a cursor lasts 15 minutes idle, and a user holds only so many at once, so "
                                + "another integration signed in as the same user may hold too many; re-run later, or "
                                + "give Plumbline a user of its own",
                        again);
            }
        }
        read.forEach(rows);
    }

    private static List<SfRow> readAll(SalesforceApi api, SoqlQuery query) {
        List<SfRow> out = new ArrayList<>();
        JsonNode batch = api.query(query, query.select());
        long announced = batch.path("totalSize").asLong(-1);
        while (true) {
            batch.path("records").forEach(r -> out.add(SfRow.fromJson(r)));
            if (batch.path("done").booleanValue()) {
                break;
            }
            batch = api.queryMore(batch.path("nextRecordsUrl").asText(), query); // checked to be there
        }
        if (announced >= 0 && announced != out.size()) {
            throw new SalesforceApiException(
                    ExitCodes.REMOTE,
                    "",
                    0,
                    "Salesforce announced " + announced + " rows for the query (totalSize) but its batches held "
                            + out.size() + "; something between Plumbline and Salesforce cut or changed the answer, "
                            + "so nothing is audited from it: re-run",
                    null);
        }
        return out;
    }
}
