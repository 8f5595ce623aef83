package io.plumbline.cli;

import io.plumbline.artifacts.NextCommands;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.OutputConfig;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.files.IoFailures;
import io.plumbline.salesforce.AccountsCsvReader;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumbline init}: write a commented config, check the accounts CSV, create the output root. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Write a commented plumbline.yaml (no secrets: only the names of environment variables), validate the "
                    + "Salesforce accounts CSV if one is named, and create the output root. Never overwrites a "
                    + "config without --force, and keeps the one --force replaces as plumbline.yaml.bak.",
            "",
            "Examples:",
            "  plumbline init --accounts-csv ./salesforce_accounts.csv --subdomain acme",
            "  plumbline init --demo      # also writes the demo snapshot ./plumbline-demo/"
        })
final class InitCommand implements Callable<Integer> {
    private final Context ctx;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Where to write the config (default: plumbline.yaml in the current folder).")
    Path config = Path.of("plumbline.yaml");

    @Option(
            names = "--accounts-csv",
            paramLabel = "FILE",
            description = "The Salesforce accounts CSV to name in the config and validate. A relative path is "
                    + "read from the config's folder, as the config reads it.")
    String accountsCsv;

    @Option(
            names = "--subdomain",
            paramLabel = "NAME",
            description = "Your Zendesk subdomain (NAME.zendesk.com). Without it the config holds the placeholder '"
                    + ZendeskConfig.PLACEHOLDER_SUBDOMAIN + "', which live commands refuse until you set yours.")
    String subdomain = ZendeskConfig.PLACEHOLDER_SUBDOMAIN;

    @Option(
            names = "--demo",
            description = "Also write the demo fixtures as a snapshot folder plumbline-demo/ beside the config.")
    boolean demo;

    @Option(
            names = "--force",
            description = "Overwrite an existing config file, kept beside it as plumbline.yaml.bak (and, with --demo, "
                    + "an existing ./plumbline-demo/ folder).")
    boolean force;

    @Mixin
    CommonOptions common = new CommonOptions();

    InitCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(config)) {
            throw new ConfigException(config + ": is a directory; name the config file to write, e.g. "
                    + config.resolve("plumbline.yaml"));
        }
        if (Files.exists(config) && !force) {
            throw new ConfigException(config + ": already exists; pass --force to overwrite it");
        }
        if (!ZendeskConfig.isSubdomain(subdomain)) {
            // a URL pasted whole may carry a user name and password or token: never quoted then
            String quoted =
                    subdomain.contains("@") ? "(a value with a user name or password in it)" : "'" + subdomain + "'";
            throw new ConfigException("--subdomain " + quoted + " is not a subdomain; give only the first label"
                    + " (e.g. 'acme' for https://acme.zendesk.com)");
        }
        Path dir = config.toAbsolutePath().getParent();
        Path demoDir = dir.resolve("plumbline-demo");
        if (demo && Files.exists(demoDir) && !force) {
            // the folder may hold a user's edits of the fixtures (a scenario being tried out)
            throw new ConfigException(demoDir + ": already exists; pass --force to write the demo fixtures over it");
        }
        String csv = accountsCsv != null
                ? accountsCsv
                : demo ? "./plumbline-demo/" + SnapshotLayout.ACCOUNTS : "./salesforce_accounts.csv";
        if (accountsCsv != null) {
            notOnlyFromHere(dir);
            validate(dir.resolve(csv).normalize()); // before anything is written, so a refusal leaves nothing
        }
        if (demo) {
            try {
                writeDemo(demoDir);
            } catch (IOException e) {
                throw cannotWrite(demoDir, "the demo snapshot folder", e);
            }
        }
        if (accountsCsv == null && demo) {
            validate(dir.resolve(csv).normalize());
        }
        // the demo's contacts belong to the demo's accounts only
        String contacts =
                demo && accountsCsv == null ? yamlScalar("./plumbline-demo/" + SnapshotLayout.CONTACTS) : "null";
        String text = template()
                .replace("{{accounts_csv}}", yamlScalar(csv))
                .replace("{{contacts_csv}}", contacts)
                .replace("{{subdomain}}", yamlScalar(subdomain.trim().toLowerCase(Locale.ROOT)));
        PlumblineConfig loaded;
        Path root;
        Path kept = keep(config, text);
        boolean existed = Files.exists(config);
        try {
            Files.createDirectories(dir);
            Files.writeString(config, text, StandardCharsets.UTF_8);
            loaded = ConfigLoader.load(config);
            root = loaded.resolve(
                    loaded.output().root() == null
                            ? OutputConfig.DEFAULT_ROOT
                            : loaded.output().root());
        } catch (IOException e) {
            throw cannotWrite(config, "the config", e);
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            // nothing half done: the config goes (or the one it replaced comes back), so init can run again
            putBack(config, existed, kept);
            throw cannotWrite(root, "the output folder the config names", e);
        }
        if (!common.quiet && kept != null) {
            ctx.out().println("Kept the config it replaces as " + kept);
        }
        if (!common.quiet) {
            ctx.out()
                    .println("Wrote " + config + " (no secrets: set "
                            + loaded.zendesk().auth().oauthAccessTokenEnv() + " in the environment for live audits)");
            ctx.out().println("Output root: " + root);
            if (subdomain.strip().equalsIgnoreCase(ZendeskConfig.PLACEHOLDER_SUBDOMAIN)) {
                ctx.out()
                        .println("Set zendesk.subdomain in " + config + " (it holds the placeholder '"
                                + ZendeskConfig.PLACEHOLDER_SUBDOMAIN + "'), or pass --subdomain, before a live audit"
                                + " or apply.");
            }
            if (!demo && !Files.isRegularFile(dir.resolve(csv))) {
                ctx.out()
                        .println("Next: export your Salesforce accounts to "
                                + dir.resolve(csv).normalize()
                                + " (columns " + String.join(", ", AccountsCsvReader.REQUIRED)
                                + "), or name your export in salesforce.accounts_csv; then:");
                ctx.out().println("  " + ProgramName.get() + " audit --config " + NextCommands.word(config));
            } else {
                // the config is named unless the audit would find it by default: its output root is this one
                boolean defaultConfig = config.toAbsolutePath()
                        .normalize()
                        .equals(Path.of("plumbline.yaml").toAbsolutePath().normalize());
                ctx.out()
                        .println("Next: " + ProgramName.get() + " audit "
                                + (demo
                                        ? "--snapshot " + NextCommands.word(dir.resolve("plumbline-demo"))
                                                + (defaultConfig ? "" : " --config " + NextCommands.word(config))
                                        : "--config " + NextCommands.word(config)));
            }
        }
        ctx.out().flush();
        return 0;
    }

    /**
     * A copy of the config {@code --force} is about to replace, beside it ({@code plumbline.yaml.bak}, else
     * {@code .bak.2}, ...), so that a hand-edited config is never lost; null when there is none, or it
     * holds the text about to be written.
     */
    private static Path keep(Path config, String text) {
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            if (Files.readString(config, StandardCharsets.UTF_8).equals(text)) {
                return null;
            }
        } catch (IOException e) {
            // not text init wrote: kept all the same
        }
        Path kept = config.resolveSibling(config.getFileName() + ".bak");
        for (int n = 2; Files.exists(kept); n++) {
            kept = config.resolveSibling(config.getFileName() + ".bak." + n);
        }
        try {
            return Files.copy(config, kept, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw cannotWrite(kept, "a copy of the config --force replaces (it is left as it was)", e);
        }
    }

    /** Undoes the config's write: removes it, or puts back the one it replaced ({@code kept}). */
    private static void putBack(Path config, boolean existed, Path kept) {
        try {
            if (kept != null) {
                Files.move(kept, config, StandardCopyOption.REPLACE_EXISTING);
            } else if (!existed) {
                Files.deleteIfExists(config);
            }
        } catch (IOException ignored) {
            // the error about the output folder is the one to see; the config is as init wrote it
        }
    }

    private static ConfigException cannotWrite(Path path, String what, IOException e) {
        return new ConfigException(path + ": cannot write " + what + " (" + IoFailures.why(e) + ")", e);
    }

    /**
     * {@code value} as a double-quoted YAML scalar, its backslashes, quotes and control characters
     * escaped: it reads back as the same string whatever it holds ('#', ': ', or a word such as null,
     * no or .inf that YAML would read as something else).
     */
    static String yamlScalar(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Refuses a relative {@code --accounts-csv} that names a file only from the working folder: the config
     * would read it from its own folder and not find it. The message gives the path that works.
     */
    private void notOnlyFromHere(Path dir) {
        Path asConfigReadsIt = dir.resolve(accountsCsv).normalize();
        Path fromHere = Path.of(accountsCsv).toAbsolutePath().normalize();
        if (!Files.exists(asConfigReadsIt) && Files.isRegularFile(fromHere)) {
            throw new ConfigException("--accounts-csv " + NextCommands.word(accountsCsv)
                    + ": the config reads a relative path from its own folder (" + dir.normalize()
                    + "), where there is no such "
                    + "file; to name " + fromHere + ", pass --accounts-csv "
                    + NextCommands.word(dir.relativize(fromHere)));
        }
    }

    private void validate(Path csvPath) throws IOException {
        if (!Files.isRegularFile(csvPath)) {
            throw new InputException(
                    csvPath.toString(),
                    0,
                    0,
                    "file not found; export your Salesforce accounts " + "with columns "
                            + String.join(", ", AccountsCsvReader.REQUIRED));
        }
        try (InputStream in = Files.newInputStream(csvPath)) {
            List<String> notes = new ArrayList<>();
            int n = AccountsCsvReader.read(in, csvPath.toString(), notes::add).size();
            if (!common.quiet) {
                ctx.out()
                        .println(
                                "Checked " + csvPath + ": " + n + (n == 1 ? " account" : " accounts") + ", headers OK");
            }
            // the columns an audit does not use, as it will say them: a column meant to be read is found now
            notes.forEach(note -> ctx.err().println("note: " + note));
        }
    }

    private void writeDemo(Path target) throws IOException {
        for (String file : SnapshotLayout.FILES) {
            try (InputStream in = ClasspathSource.DEMO.open(file)) {
                if (in != null) {
                    Path out = target.resolve(file);
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String template() throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("plumbline.yaml.template")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
