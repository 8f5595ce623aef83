package io.plumbline.cli;

import io.plumbline.config.PlumblineConfig;
import io.plumbline.config.SalesforceConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.salesforce.PullStats;
import io.plumbline.salesforce.SalesforcePuller;
import io.plumbline.salesforce.SalesforceRuntime;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotLayout;
import io.plumbline.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Gathers a live audit's inputs into a snapshot folder, then reads it back, so the run folder keeps
 * exactly what was audited: Zendesk first (from the context's source, so a build without it fails
 * before Salesforce is asked anything), then Salesforce, read from the API with {@code source: api}
 * or copied from the configured CSV exports with {@code source: csv}.
 */
final class LiveSnapshot {
    private LiveSnapshot() {}

    /**
     * Pulls into {@code dir} and returns the audit inputs; {@code finalDir} is where the folder will
     * live once the run is published, recorded as the input path.
     */
    static AuditInputs pull(
            PlumblineConfig config, InputOptions o, Context ctx, Path dir, Path finalDir, boolean quiet) {
        ResolutionSettings settings = AuditInputs.settings(config, o.ticketLookbackDays);
        Instant asOf = AuditInputs.parseAsOf(o.asOf);
        SalesforcePuller api = apiPuller(config, ctx);
        ctx.zendesk().pull(config, dir, asOf != null ? asOf : ctx.clock().instant(), settings.ticketLookbackDays());
        if (api != null) {
            report(ctx.err(), api.pull(dir), quiet);
        } else {
            SalesforceConfig sf = config.salesforce();
            copy(config.resolve(sf.accountsCsv()), dir.resolve(SnapshotLayout.ACCOUNTS), "accounts_csv");
            if (sf.contactsCsv() != null) {
                copy(config.resolve(sf.contactsCsv()), dir.resolve(SnapshotLayout.CONTACTS), "contacts_csv");
            }
        }
        return new AuditInputs(
                SnapshotReader.read(new FolderSource(dir), asOf), config, settings, "live", finalDir.toString());
    }

    /** The checked API puller with {@code source: api}, null with {@code source: csv}. */
    private static SalesforcePuller apiPuller(PlumblineConfig config, Context ctx) {
        SalesforceConfig sf = config.salesforce();
        if (SalesforceConfig.CSV.equals(sf.source())) {
            return null;
        }
        if (!sf.isApi()) {
            throw new ConfigException("salesforce.source: '" + sf.source() + "' must be csv or api");
        }
        SalesforcePuller puller =
                new SalesforcePuller(sf, config.baseDir(), SalesforceRuntime.of(ctx.env(), ctx.clock()));
        puller.check();
        return puller;
    }

    private static void report(PrintWriter err, PullStats s, boolean quiet) {
        if (quiet) {
            return;
        }
        err.println("Salesforce: " + s.accounts() + " accounts"
                + (s.contactsMode() == null ? "" : ", " + s.contacts() + " contact rows")
                + " read via " + s.accountsMode() + " API v" + s.apiVersion() + " in " + s.requests()
                + " requests (signed in with " + s.auth().configKey() + ")");
    }

    private static void copy(Path from, Path to, String key) {
        if (!Files.isRegularFile(from)) {
            throw new InputException(from.toString(), 0, 0, "file not found; check salesforce." + key);
        }
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException(
                    from.toString(), 0, 0, "cannot copy into the run's snapshot: " + e.getMessage(), e);
        }
    }
}
