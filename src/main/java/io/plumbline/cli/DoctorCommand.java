package io.plumbline.cli;

import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.config.SalesforceConfig;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.IoFailures;
import io.plumbline.model.Texts;
import io.plumbline.salesforce.AccountsCsvReader;
import io.plumbline.salesforce.ContactsCsvReader;
import io.plumbline.salesforce.SalesforceProbe;
import io.plumbline.salesforce.SalesforcePuller;
import io.plumbline.salesforce.SalesforceRuntime;
import io.plumbline.zendesk.ClientCredentialsAuth;
import io.plumbline.zendesk.HealthCheck;
import io.plumbline.zendesk.ZendeskConnector;
import io.plumbline.zendesk.ZendeskDoctor;
import io.plumbline.zendesk.ZendeskHttp;
import io.plumbline.zendesk.ZendeskSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumbline doctor}: checks the config, the Zendesk credentials and limits, and the Salesforce input. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check that a live audit can run: the config, Zendesk (with calls that really need the credentials), the "
                    + "token's scopes, rate-limit headroom, and the Salesforce input (the CSVs, or with source: api a "
                    + "sign-in and an account count), and where the audit writes (the output root, made if missing, and the "
                    + "history store). Each failed check prints its fix.",
            "Exit code: 0 when nothing failed, else that of the first failure (2 config, 3 input, 4 Zendesk or"
                    + " Salesforce).",
            "",
            "Examples:",
            "  plumbline doctor",
            "  plumbline doctor --config ./plumbline.yaml"
        })
final class DoctorCommand implements Callable<Integer> {
    private final Context ctx;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file (default: plumbline.yaml in the current folder).")
    Path config;

    @Mixin
    CommonOptions common = new CommonOptions();

    DoctorCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<HealthCheck> checks = new ArrayList<>();
        PlumblineConfig cfg;
        try {
            cfg = ConfigLoader.load(config != null ? config : Path.of("plumbline.yaml"));
            checks.add(HealthCheck.ok("config", "loaded " + (config != null ? config : "plumbline.yaml")));
        } catch (PlumblineException e) {
            checks.add(HealthCheck.fail("config", "cannot load the config", e.getMessage(), e.exitCode()));
            return report(checks);
        }
        checks.addAll(zendesk(cfg));
        checks.addAll(salesforce(cfg));
        checks.add(output(cfg));
        return report(checks);
    }

    /**
     * Where an audit writes: the output root can be made and written, and the history store is a file
     * there can be (or is one that can be written). The store is not opened: opening brings an older
     * one's schema up to date, which is the next audit's to do.
     */
    private static HealthCheck output(PlumblineConfig cfg) {
        Path root = cfg.resolve(cfg.output().root());
        Path store = cfg.storePath(root);
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".plumbline-doctor-", ".tmp"));
        } catch (IOException e) {
            return HealthCheck.fail(
                    "output",
                    root + ": run folders cannot be written there (" + IoFailures.why(e) + ")",
                    "make it a folder this user can write, or name another in output.root (or pass --out)",
                    ExitCodes.USAGE);
        }
        // the audit makes the store's missing folders, as it does the root's: the nearest that is there counts
        Path storeFolder = store.toAbsolutePath().getParent();
        while (storeFolder != null && !Files.exists(storeFolder, LinkOption.NOFOLLOW_LINKS)) {
            storeFolder = storeFolder.getParent();
        }
        boolean storeUsable = storeFolder != null
                && Files.isDirectory(storeFolder)
                && Files.isWritable(storeFolder)
                && (!Files.exists(store) || Files.isRegularFile(store) && Files.isWritable(store));
        if (!storeUsable) {
            return HealthCheck.fail(
                    "output",
                    store + ": the history store cannot be " + (Files.exists(store) ? "written" : "made there"),
                    "name a writable file in store.path, or audit with --no-history",
                    ExitCodes.USAGE);
        }
        return HealthCheck.ok("output", "run folders in " + root + ", history in " + store);
    }

    /** Retries a doctor makes of a failed call at most: a check answers in seconds, not after a backoff. */
    static final int RETRIES = 2;

    /**
     * {@code settings} retrying a failed call at most {@link #RETRIES} times: a wrong address or a refused
     * connection is what a doctor is run to find, and the config's retries (for long pulls) would make it
     * wait a minute to say so.
     */
    private static ZendeskSettings quick(ZendeskSettings settings) {
        return settings.withRetryPolicy(settings.retryPolicy().withAtMostRetries(RETRIES));
    }

    private List<HealthCheck> zendesk(PlumblineConfig cfg) {
        ZendeskHttp http;
        ZendeskHttp applyHttp;
        try {
            ZendeskSettings settings = quick(ZendeskSettings.from(cfg.zendesk(), ctx.clock()));
            // read as a live audit reads (read scopes only); the scopes checked are those apply asks for
            http = ZendeskConnector.connect(cfg.zendesk().readOnly(), settings, ctx.env(), ctx.err()::println);
            applyHttp = http.auth() instanceof ClientCredentialsAuth
                            && !cfg.zendesk().readOnly().equals(cfg.zendesk())
                    ? ZendeskConnector.connect(cfg.zendesk(), settings, ctx.env(), w -> {})
                    : http;
        } catch (PlumblineException e) {
            return List.of(HealthCheck.fail("zendesk", "not configured", e.getMessage(), e.exitCode()));
        }
        http.onRetry(ZendeskConnections.retryNotes(ctx, common.quiet));
        applyHttp.onRetry(ZendeskConnections.retryNotes(ctx, common.quiet));
        List<HealthCheck> out = new ArrayList<>();
        // what the config names, before any call: the checks after it are the calls
        out.add(HealthCheck.ok(
                "zendesk",
                "configured: " + http.settings().baseUri() + " with "
                        + http.auth().describe()));
        out.addAll(new ZendeskDoctor(http, applyHttp).run());
        return out;
    }

    private List<HealthCheck> salesforce(PlumblineConfig cfg) {
        SalesforceConfig sf = cfg.salesforce();
        if (sf.isApi()) {
            return List.of(salesforceApi(cfg));
        }
        List<HealthCheck> out = new ArrayList<>();
        out.add(csv(cfg.resolve(sf.accountsCsv()), "account", AccountsCsvReader::read));
        if (!Texts.isBlank(sf.contactsCsv())) {
            out.add(csv(cfg.resolve(sf.contactsCsv()), "contact", ContactsCsvReader::read));
        }
        return out;
    }

    /**
     * Signs in, counts the accounts the filter selects and reads one row of each query the pull runs
     * (accounts, and contacts when the config reads them): four to six read requests.
     */
    private HealthCheck salesforceApi(PlumblineConfig cfg) {
        try {
            SalesforceProbe p = new SalesforcePuller(
                            cfg.salesforce(), cfg.baseDir(), SalesforceRuntime.of(ctx.env(), ctx.clock()))
                    .probe();
            return HealthCheck.ok(
                    "salesforce",
                    p.instanceUrl() + " with " + p.auth().configKey() + ", API v" + p.apiVersion() + ": " + p.accounts()
                            + " accounts match the filter");
        } catch (PlumblineException e) {
            return HealthCheck.fail(
                    "salesforce",
                    "cannot read " + (cfg.salesforce().contacts() ? "accounts or contacts" : "accounts")
                            + " through the API",
                    e.getMessage(),
                    e.exitCode());
        }
    }

    private static HealthCheck csv(Path file, String what, BiFunction<InputStream, String, List<?>> reader) {
        if (!Files.isRegularFile(file)) {
            return HealthCheck.fail(
                    "salesforce",
                    file + ": " + what + "s CSV not found",
                    "export it from Salesforce, or fix salesforce." + what + "s_csv in the config",
                    ExitCodes.INPUT);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return HealthCheck.ok(
                    "salesforce",
                    file + ": "
                            + AuditReadout.plural(
                                    reader.apply(in, file.toString()).size(), what));
        } catch (PlumblineException e) {
            return HealthCheck.fail("salesforce", "the " + what + "s CSV is not usable", e.getMessage(), e.exitCode());
        } catch (IOException e) {
            return HealthCheck.fail("salesforce", file + ": cannot read: " + e.getMessage(), "", ExitCodes.INPUT);
        }
    }

    private int report(List<HealthCheck> checks) {
        int code = 0;
        int failed = 0;
        for (HealthCheck c : checks) {
            boolean bad = c.status() != HealthCheck.Status.OK;
            if (bad || !common.quiet) {
                ctx.out()
                        .printf(
                                Locale.ROOT,
                                "%-5s %-10s %s%n",
                                c.status().name().toLowerCase(Locale.ROOT),
                                c.area(),
                                Texts.shown(c.message()));
            }
            if (bad && !c.fix().isEmpty()) {
                ctx.out().println("      fix: " + Texts.shown(c.fix()));
            }
            if (c.status() == HealthCheck.Status.FAIL) {
                failed++;
                code = code == 0 ? c.exitCode() : code;
            }
        }
        ctx.out()
                .println(
                        failed == 0
                                ? "doctor: " + checks.size() + " checks, none failed"
                                : "doctor: " + failed + " of " + checks.size() + " checks failed");
        return code;
    }
}
