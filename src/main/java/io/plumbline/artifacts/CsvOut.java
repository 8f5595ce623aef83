package io.plumbline.artifacts;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an RFC 4180 CSV document (UTF-8, {@code \n} line ends) whose cells are safe to open in a
 * spreadsheet: a cell that begins with {@code = + - @}, tab or carriage return is prefixed with a single
 * quote so it is shown as text, never evaluated as a formula.
 */
public final class CsvOut {
    private final StringWriter buffer = new StringWriter();
    private final CsvWriter csv =
            CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(buffer);
    private final int width;

    public CsvOut(List<String> header) {
        this.width = header.size();
        csv.writeRecord(header);
    }

    /** Adds one row; values are turned to text ({@code null} is an empty cell) and neutralized. */
    public CsvOut row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("row has " + values.length + " cells, header has " + width);
        }
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(neutralize(v == null ? "" : v.toString()));
        }
        csv.writeRecord(cells);
        return this;
    }

    public String text() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /** Neutralizes a cell against spreadsheet formula injection. */
    public static String neutralize(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
