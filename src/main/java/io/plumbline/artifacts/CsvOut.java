package io.plumbline.artifacts;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an RFC 4180 CSV document (UTF-8, CRLF line ends) whose cells are safe to open in a
 * spreadsheet: a cell that begins with {@code = + - @}, tab or carriage return is prefixed with a single
 * quote so it is shown as text, never evaluated as a formula.
 */
public final class CsvOut {
    private final CsvWriter csv;
    private final int width;

    /** Starts a document on {@code out} (which stays open) with its header row. */
    public CsvOut(Writer out, List<String> header) {
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
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

    /** Writes out every row still buffered; the writer given stays open. */
    public void finish() throws IOException {
        csv.flush();
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
