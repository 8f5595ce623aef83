package io.plumbline.salesforce;

import io.plumbline.config.SalesforceConfig;
import java.util.function.Consumer;

/**
 * Reads a query's rows the cheapest adequate way: the REST query endpoint up to the bulk threshold and a
 * Bulk API 2.0 query job above it, counting the rows first with {@code COUNT()} only when a bulk query
 * is possible at all (it is off unless {@code salesforce.bulk_threshold} is set).
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
        if (bulkThreshold < SalesforceConfig.DEFAULT_BULK_THRESHOLD && RestQuery.count(api, query) > bulkThreshold) {
            bulk.run(query, rows);
            return QueryMode.BULK;
        }
        RestQuery.run(api, query, rows);
        return QueryMode.REST;
    }
}
