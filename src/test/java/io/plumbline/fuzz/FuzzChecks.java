package io.plumbline.fuzz;

import io.plumbline.errors.InputException;

/**
 * Properties shared by the fuzz targets. Plain checks that throw {@link AssertionError}, so a finding
 * reads as a broken property rather than as a crash in the test itself.
 */
public final class FuzzChecks {
    private FuzzChecks() {}

    public static void check(boolean condition, String what, Object... args) {
        if (!condition) {
            throw new AssertionError(String.format(what, args));
        }
    }

    /**
     * An input error is a diagnostic a person reads in a terminal: it names the file first, follows the
     * {@code file[:line[:col]]: error: message} shape, and holds no control characters that could hide
     * text or drive the terminal.
     */
    public static void checkDiagnostic(InputException e, String file) {
        String message = e.getMessage();
        check(message != null && message.startsWith(file), "diagnostic does not start with %s: %s", file, message);
        check(message.contains(": error: "), "diagnostic without ': error: ': %s", message);
        check(e.file().equals(file), "diagnostic names file %s, expected %s", e.file(), file);
        check(e.line() >= 0 && e.column() >= 0, "negative position in: %s", message);
        message.codePoints()
                .filter(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)
                .findFirst()
                .ifPresent(cp -> {
                    throw new AssertionError(
                            String.format("diagnostic holds control character U+%04X: %s", cp, message));
                });
    }
}
