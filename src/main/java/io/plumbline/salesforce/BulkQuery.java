package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.plumbline.errors.ExitCodes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a query as a Bulk API 2.0 query job: creates the job, polls its state until {@code
 * JobComplete}, then reads the CSV results page by page, passing each page's {@code Sforce-Locator}
 * until it is {@code "null"}. All calls use the API version the job was created with. A job that is
 * still running when Plumbline gives up is left to expire in Salesforce (aborting would be a write).
 */
final class BulkQuery {
    private final SalesforceApi api;
    private final Sleeper sleeper;
    private final QueryTuning tuning;

    BulkQuery(SalesforceApi api, Sleeper sleeper, QueryTuning tuning) {
        this.api = api;
        this.sleeper = sleeper;
        this.tuning = tuning;
    }

    void run(SoqlQuery query, Consumer<SfRow> rows) {
        String jobId = api.createQueryJob(query).path("id").asText("");
        if (jobId.isEmpty()) {
            throw failure("Salesforce created a Bulk query job without an id", query);
        }
        awaitCompletion(jobId, query);
        String locator = null;
        do {
            SalesforceApi.CsvPage page = api.queryJobResults(jobId, locator, tuning.bulkPageSize(), query);
            parse(page.csv(), rows);
            locator = page.nextLocator();
        } while (locator != null);
    }

    private void awaitCompletion(String jobId, SoqlQuery query) {
        Duration waited = Duration.ZERO;
        Duration pause = tuning.pollInterval();
        while (true) {
            JsonNode job = api.queryJob(jobId, query);
            String state = job.path("state").asText("");
            switch (state) {
                case "JobComplete":
                    return;
                case "Failed":
                case "Aborted":
                    throw failure(
                            "Bulk query job " + jobId + " ended " + state + ": "
                                    + job.path("errorMessage").asText("no reason given"),
                            query);
                default:
                    if (waited.compareTo(tuning.maxWait()) >= 0) {
                        throw failure(
                                "Bulk query job " + jobId + " is still " + state + " after " + waited.toSeconds()
                                        + " s; it keeps running in Salesforce and expires on its own; re-run later",
                                query);
                    }
            }
            sleep(pause);
            waited = waited.plus(pause);
            Duration longest = tuning.pollInterval().multipliedBy(10);
            pause = pause.multipliedBy(2).compareTo(longest) > 0 ? longest : pause.multipliedBy(2);
        }
    }

    private static void parse(String csv, Consumer<SfRow> rows) {
        List<String> header = null;
        for (CsvRecord record : CsvReader.builder()
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(csv)) {
            if (header == null) {
                header = record.getFields();
                continue;
            }
            if (record.getFieldCount() == 1 && record.getField(0).isEmpty()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
                values.put(header.get(i), record.getField(i));
            }
            rows.accept(new SfRow(values));
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(ExitCodes.REMOTE, "", 0, "interrupted while waiting for a Bulk job", e);
        }
    }

    private static SalesforceApiException failure(String message, SoqlQuery query) {
        return new SalesforceApiException(ExitCodes.REMOTE, "", 0, message + "\n  SOQL: " + query.select(), null);
    }
}
