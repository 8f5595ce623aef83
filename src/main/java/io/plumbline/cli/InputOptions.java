package io.plumbline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where an audit or a trace reads its input from: the demo, a snapshot folder, or the config. */
public final class InputOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file (default: plumbline.yaml in the current folder).")
    Path config;

    @Option(names = "--demo", description = "Use the bundled demo fixtures: no credentials, no network.")
    boolean demo;

    @Option(
            names = "--snapshot",
            paramLabel = "DIR",
            description = "Read a snapshot folder (salesforce_accounts.csv, zendesk/*.jsonl). Without it or "
                    + "--demo, the live APIs are read, with the credentials the config names.")
    Path snapshot;

    @Option(
            names = "--ticket-lookback-days",
            paramLabel = "N",
            description = "Check the tickets last updated (else created) in the N days before --as-of, and any "
                    + "updated after it (default: config, else 30).")
    Integer ticketLookbackDays;

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT",
            description = "The instant the lookback window is counted back from (ISO 8601), no later than the "
                    + "snapshot's captured_at; a ticket active after it is checked too, in the state the snapshot "
                    + "holds. Default: the snapshot's captured_at, else its latest ticket activity.")
    String asOf;

    /** The input options given on the command line, by name, in the order of this class. */
    List<String> given() {
        List<String> out = new ArrayList<>();
        if (config != null) {
            out.add("--config");
        }
        if (demo) {
            out.add("--demo");
        }
        if (snapshot != null) {
            out.add("--snapshot");
        }
        if (ticketLookbackDays != null) {
            out.add("--ticket-lookback-days");
        }
        if (asOf != null) {
            out.add("--as-of");
        }
        return out;
    }

    /** Neither --demo nor --snapshot: read the live APIs. */
    boolean live() {
        return !demo && snapshot == null;
    }

    Path configPath() {
        return config != null ? config : Path.of("plumbline.yaml");
    }
}
