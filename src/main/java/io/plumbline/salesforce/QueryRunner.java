package io.plumbline.salesforce;

import java.util.function.Consumer;

/**
 * Reads a query's rows the cheapest adequate way: counts them first with {@code COUNT()}, then uses
 * the REST query endpoint up to the bulk threshold and a Bulk API 2.0 query job above it.
 */
final class QueryRunner {
    private final SalesforceApi api;
    private final BulkQuery bulk;
    private final long bulkThreshold;

    QueryRunner(SalesforceApi api, BulkQuery bulk, long bulkThreshold) {
        this.api = api;
        this.bulk = bulk;
        this.bulkThreshold = bulkThreshold;
    }

    QueryMode run(SoqlQuery query, Consumer<SfRow> rows) {
        if (RestQuery.count(api, query) > bulkThreshold) {
            bulk.run(query, rows);
            return QueryMode.BULK;
        }
        RestQuery.run(api, query, rows);
        return QueryMode.REST;
    }
}
