package io.plumbline.cli;

import io.plumbline.artifacts.NextCommands;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options a command was run with, as shell words to repeat in the next command it prints: the live
 * apply after a dry run must select, cap and check against exactly what the dry run did (its {@code
 * --only-action}, caps and {@code --config}), or the command copied from the readout writes more than
 * was reviewed, or to another Zendesk.
 */
final class NextOptions {
    private NextOptions() {}

    /** Every option given on the command line but those {@code leftOut}, as it was given: {@code " --a x --b"}, or "". */
    static String repeated(CommandSpec spec, Set<String> leftOut) {
        StringBuilder words = new StringBuilder();
        // picocli lists an option given several times once per time, each with all its values: named once
        for (OptionSpec option :
                new LinkedHashSet<>(spec.commandLine().getParseResult().matchedOptions())) {
            if (option.names().length == 0 || leftOut.contains(option.longestName())) {
                continue;
            }
            words.append(' ').append(option.longestName());
            if (option.arity().max() > 0) {
                option.originalStringValues().forEach(v -> words.append(' ').append(NextCommands.word(v)));
            }
        }
        return words.toString();
    }

    /** Only {@code name}, when it was given: {@code " --config F"}, or "". */
    static String only(CommandSpec spec, String name) {
        OptionSpec option = spec.commandLine().getParseResult().matchedOption(name);
        if (option == null) {
            return "";
        }
        StringBuilder words = new StringBuilder(" ").append(option.longestName());
        option.originalStringValues().forEach(v -> words.append(' ').append(NextCommands.word(v)));
        return words.toString();
    }
}
