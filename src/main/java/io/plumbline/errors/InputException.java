package io.plumbline.errors;

import io.plumbline.model.Texts;

/**
 * Bad input data (exit 3), printed like a compiler diagnostic: {@code file:line:col: error: message}
 * (line and column left out when unknown). The message is always printable: control, format and
 * non-ASCII space characters from the input (which parsers quote back) are written as backslash-u
 * escapes, so a diagnostic can neither hide text nor drive the terminal it is printed on.
 */
public final class InputException extends PlumblineException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;
    private final int column;

    public InputException(String file, long line, int column, String message) {
        this(file, line, column, message, null);
    }

    public InputException(String file, long line, int column, String message, Throwable cause) {
        super(ExitCodes.INPUT, format(file, line, column, message), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(String file, long line, int column, String message) {
        StringBuilder sb = new StringBuilder(Texts.shown(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": error: ").append(Texts.shown(message)).toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
