package io.plumbline.cli;

import picocli.CommandLine.Command;

/** The {@code plumbline} command: only dispatches to its subcommands. */
@Command(
        name = "plumbline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {
            InitCommand.class,
            AuditCommand.class,
            TraceCommand.class,
            ApplyCommand.class,
            UndoCommand.class,
            ReportCommand.class,
            HistoryCommand.class,
            DoctorCommand.class,
            picocli.CommandLine.HelpCommand.class
        },
        description = {
            "Audits and safely repairs customer-identity drift between Salesforce (the system of record) and Zendesk.",
            "",
            "Start with:  plumbline audit --demo",
            "Then:        plumbline trace --demo --sf-account-id 001ACME002",
            "",
            "Exit codes: 0 ok, 1 a --fail-on condition held, 2 usage or config error, 3 input data error, "
                    + "4 remote API error, 5 apply or undo refused, 70 an internal error or out of memory."
        })
final class TopCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final String COMMANDS = "init, audit, trace, apply, undo, report, history, doctor";

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "missing command: pick one of " + COMMANDS);
    }
}
