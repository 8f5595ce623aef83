package io.plumbline.cli;

import io.plumbline.artifacts.NextCommands;

/**
 * How the commands a terminal readout prints begin, so they can be pasted as they are: {@code
 * plumbline}, or the launcher script as it was run ({@code ./plumbline}) when the script found that
 * {@code plumbline} on PATH is not itself. Artifacts never use it: a run folder's files do not depend
 * on how the command was started.
 */
final class ProgramName {
    /** The system property the launcher script sets. */
    static final String PROPERTY = "plumbline.command";

    private ProgramName() {}

    static String get() {
        String p = System.getProperty(PROPERTY, "");
        return p.isBlank() ? "plumbline" : NextCommands.word(p.strip());
    }
}
