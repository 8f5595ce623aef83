package io.plumbline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.apply.ReceiptFile;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.config.SalesforceConfig;
import io.plumbline.errors.InputException;
import io.plumbline.files.AtomicFiles;
import io.plumbline.model.Texts;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.salesforce.SalesforcePullStats;
import io.plumbline.salesforce.SalesforcePuller;
import io.plumbline.salesforce.SalesforceRuntime;
import io.plumbline.snapshot.SnapshotLayout;
import io.plumbline.zendesk.Progress;
import io.plumbline.zendesk.PullStats;
import io.plumbline.zendesk.StaleCursorException;
import io.plumbline.zendesk.TokenLifetime;
import io.plumbline.zendesk.ZendeskConnector;
import io.plumbline.zendesk.ZendeskHttp;
import io.plumbline.zendesk.ZendeskIncrementalPuller;
import io.plumbline.zendesk.ZendeskSettings;
import io.plumbline.zendesk.ZendeskSnapshotPuller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Gathers a live audit's input into a snapshot folder: Salesforce read through its API ({@code
 * source: api}) or the CSVs named by the config, copied ({@code source: csv}), and Zendesk pulled
 * through its API (in full, or only what changed since an earlier pull, merged into its snapshot), so
 * that the folder can be audited exactly like {@code --snapshot} and again offline later. Both sides'
 * settings and credentials are checked before either is read.
 */
final class LiveSnapshot {
    private LiveSnapshot() {}

    /**
     * Where a live read's ticket window starts: the lookback counted back from {@code --as-of} when it is
     * earlier than {@code started}, else from {@code started}.
     */
    static Instant ticketsSince(ResolutionSettings settings, Instant asOf, Instant started) {
        Instant windowEnd = asOf != null && asOf.isBefore(started) ? asOf : started;
        return settings.ticketWindowStart(windowEnd);
    }

    /** Fills {@code dir}; tickets are pulled from {@code ticketsSince} on. */
    static PullStats pull(
            PlumblineConfig config,
            Context ctx,
            CommonOptions common,
            Path dir,
            Instant capturedAt,
            Instant ticketsSince,
            int lookbackDays,
            PullBaselines.Decision decision) {
        SalesforcePuller salesforceApi = salesforceApi(config, ctx);
        if (salesforceApi == null) {
            copySalesforce(config, dir);
        }
        // an audit only reads: a client_credentials token is asked for read scopes only
        ZendeskHttp http = ZendeskConnector.connect(
                config.zendesk().readOnly(),
                ZendeskSettings.from(config.zendesk(), ctx.clock()).forPulls(),
                ctx.env(),
                ctx.err()::println);
        SalesforcePullStats salesforce = null;
        if (salesforceApi != null) {
            salesforce = salesforceApi.pull(dir);
            report(salesforce, ctx, common);
        }
        // bars only on a real terminal; System.console() is null whenever output is redirected
        Progress progress = Progress.choose(
                common.quiet, common.noProgress, System.console() != null, System.err, ctx.err(), ctx.clock());
        // a wait before Zendesk is tried again is said where the progress goes, or plainly without progress
        http.onRetry(
                common.quiet || common.noProgress ? ZendeskConnections.retryNotes(ctx, common.quiet) : progress::note);
        TokenLifetime.warning(http).ifPresent(w -> ctx.err().println("warning: " + w));
        PullBaselines.Baseline base = decision.baseline();
        String fullReason = decision.fullReason();
        PullStats stats = null;
        if (base != null) {
            try {
                stats = new ZendeskIncrementalPuller(http, progress)
                        .pull(base.snapshotDir(), base.cursors(), dir, capturedAt, ticketsSince, lookbackDays);
            } catch (StaleCursorException e) {
                // nothing is written before the exports end: the pull starts again, in full
                fullReason = e.getMessage() + " of run " + base.runId();
                ctx.err().println("zendesk: " + fullReason + "; pulling everything instead");
            }
        }
        if (stats == null) {
            stats = new ZendeskSnapshotPuller(http, progress).pull(dir, capturedAt, ticketsSince, lookbackDays);
        }
        recordSalesforce(dir, config.salesforce(), salesforce);
        if (!common.quiet) {
            String how = !stats.incremental()
                    ? "full pull (" + fullReason + ")"
                    : "incremental pull since run " + base.runId();
            ctx.err()
                    .println("zendesk: " + how + ": " + stats.records() + " in " + stats.requests() + " requests ("
                            + stats.retries() + " retries, " + stats.rateLimitWaits() + " rate-limit waits)");
            stats.notes().forEach(n -> ctx.err().println("zendesk: " + n));
        }
        return stats;
    }

    /**
     * Adds to the pulled snapshot's {@code snapshot.json} where its Salesforce side came from, so that an
     * offline re-audit of the folder can say it: the org, API version, sign-in, filter and contacts source
     * of a live read, or the CSV files copied. It decides nothing: the audit reads only the files.
     */
    private static void recordSalesforce(Path dir, SalesforceConfig sf, SalesforcePullStats pulled) {
        Path manifest = dir.resolve(SnapshotLayout.MANIFEST);
        try {
            ObjectNode m = (ObjectNode) ReceiptFile.MAPPER.readTree(manifest.toFile());
            ObjectNode s = m.putObject("salesforce");
            if (pulled == null) {
                s.put("source", SalesforceConfig.CSV);
                s.put("accounts_csv", sf.accountsCsv());
                if (!Texts.isBlank(sf.contactsCsv())) {
                    s.put("contacts_csv", sf.contactsCsv());
                }
            } else {
                s.put("source", SalesforceConfig.API);
                s.put("instance_url", pulled.instanceUrl());
                s.put("api_version", pulled.apiVersion());
                s.put("signed_in_with", pulled.auth().configKey());
                if (!Texts.isBlank(sf.accountFilter())) {
                    s.put("account_filter", sf.accountFilter());
                }
                s.put("accounts", pulled.accounts());
                if (pulled.contactsRead()) {
                    s.put("contacts_from", pulled.contactRelations() ? "AccountContactRelation" : "Contact.AccountId");
                }
            }
            String text = m.toPrettyString().replace("\r\n", "\n") + "\n";
            AtomicFiles.replace(manifest, partial -> Files.writeString(partial, text, StandardCharsets.UTF_8));
        } catch (IOException | ClassCastException e) {
            throw new InputException(
                    manifest.toString(), 0, 0, "cannot record the Salesforce side: " + e.getMessage(), e);
        }
    }

    /** With {@code source: api}, the puller, its settings checked; with {@code source: csv}, null. */
    private static SalesforcePuller salesforceApi(PlumblineConfig config, Context ctx) {
        SalesforceConfig sf = config.salesforce();
        if (!sf.isApi()) {
            return null;
        }
        SalesforcePuller puller =
                new SalesforcePuller(sf, config.baseDir(), SalesforceRuntime.of(ctx.env(), ctx.clock()));
        puller.check();
        return puller;
    }

    private static void report(SalesforcePullStats s, Context ctx, CommonOptions common) {
        if (!common.quiet) {
            ctx.err()
                    .println("salesforce: pulled " + s.accounts() + " accounts"
                            + (s.contactsRead()
                                    ? " and " + s.contacts() + " contact rows (" + contactsSource(s) + ")"
                                    : "")
                            + " in "
                            + s.requests() + " requests (API v" + s.apiVersion() + ", signed in with "
                            + s.auth().configKey() + ")"
                            + (s.apiUsage() == null
                                    ? ""
                                    : "; the org has used " + s.apiUsage().used() + " of its "
                                            + s.apiUsage().limit() + " daily API requests"));
        }
        if (s.usageHigh()) {
            // said under --quiet too: a scheduled pull is what runs the budget out for the org's integrations
            ctx.err()
                    .println("warning: the Salesforce org has used "
                            + s.apiUsage().used() + " of its " + s.apiUsage().limit()
                            + " daily API requests (over " + Math.round(SalesforcePullStats.HIGH_USAGE * 100)
                            + "%); when they run out every integration of the org is refused until the count resets");
        }
    }

    /** Where the contact rows came from, and what that means when it is the fallback. */
    private static String contactsSource(SalesforcePullStats s) {
        return s.contactRelations()
                ? "from AccountContactRelation"
                : "from each Contact's AccountId: AccountContactRelation is off in the org or not readable by"
                        + " this user, so a contact's other accounts are not known";
    }

    private static void copySalesforce(PlumblineConfig config, Path dir) {
        SalesforceConfig sf = config.salesforce();
        copy(config.resolve(sf.accountsCsv()), dir.resolve("salesforce_accounts.csv"), "salesforce.accounts_csv");
        if (!Texts.isBlank(sf.contactsCsv())) {
            copy(config.resolve(sf.contactsCsv()), dir.resolve("salesforce_contacts.csv"), "salesforce.contacts_csv");
        }
    }

    private static void copy(Path from, Path to, String key) {
        if (!Files.isRegularFile(from)) {
            throw new InputException(from.toString(), 0, 0, "file not found (" + key + " in the config)");
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
