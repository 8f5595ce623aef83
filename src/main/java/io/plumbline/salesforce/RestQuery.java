package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Runs a query through the REST query endpoint, following {@code nextRecordsUrl} batch by batch
 * until Salesforce says {@code done}. Each batch is a checked query result (see {@link SalesforceApi}).
 */
final class RestQuery {
    private RestQuery() {}

    /** The number of rows {@code query} selects, from a {@code COUNT()} query. */
    static long count(SalesforceApi api, SoqlQuery query) {
        return api.query(query, query.count()).path("totalSize").asLong();
    }

    static void run(SalesforceApi api, SoqlQuery query, Consumer<SfRow> rows) {
        JsonNode batch = api.query(query, query.select());
        while (true) {
            batch.path("records").forEach(r -> rows.accept(SfRow.fromJson(r)));
            if (batch.path("done").booleanValue()) {
                return;
            }
            batch = api.queryMore(batch.path("nextRecordsUrl").asText(), query); // checked to be there
        }
    }
}
