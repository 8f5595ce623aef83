package io.plumbline.salesforce;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.plumbline.errors.InputException;
import io.plumbline.files.NotUtf8;
import io.plumbline.model.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a UTF-8 (optionally BOM-prefixed) RFC 4180 CSV with a header row, handing each record to a
 * consumer with its line number; every problem becomes an {@link InputException} naming the file and
 * line. Header names are matched trimmed and case-insensitively; one that is a known column spelled
 * another way, under its Salesforce name or misspelled ({@link ColumnNames}) is refused, and the other
 * unknown columns are not used but named in one warning. Every row has exactly one field per header
 * column: a row cut short is an error, not a row whose last columns silently read as blank. Lines that
 * are empty, hold only whitespace or only empty fields are skipped. A quoted field left open at the end
 * of the file is an error, not a field that silently swallows every row after it.
 */
final class CsvTable {
    private static final Pattern RECORD_LINE = Pattern.compile("record starting at line (\\d{1,18})");
    private static final int MAX_SHOWN = 80;
    /** Unused columns a warning names; the rest are counted. */
    private static final int UNUSED_SHOWN = 8;

    private final String file;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    /** The header's columns that are none read, as the header spells them. */
    private final List<String> unused = new ArrayList<>();

    private int headerSize;

    private CsvTable(String file) {
        this.file = file;
    }

    /** One data row: fields by header name, and where it is. */
    record Row(CsvTable table, CsvRecord record) {
        long line() {
            return record.getStartingLineNumber();
        }

        /** The field's value (empty when the column is absent), stripped of surrounding whitespace. */
        String get(String column) {
            Integer i = table.columns.get(column);
            return i == null || i >= record.getFieldCount() ? "" : Texts.strip(record.getField(i));
        }

        /** The 1-based column number of a header, for messages. */
        int column(String name) {
            Integer i = table.columns.get(name);
            return i == null ? 0 : i + 1;
        }

        InputException error(String column, String message) {
            return new InputException(table.file, line(), column(column), message);
        }
    }

    /**
     * Reads {@code in}; {@code required} columns must be in the header, {@code optional} ones may be.
     * A header column that is one of these spelled another way ({@code Zendesk Org Id}) or misspelled
     * ({@code zendesk_org}) is an error, since read as an unknown column it would silently leave the
     * known one blank on every row. Once the whole file is read, the other columns, which are not used,
     * are named in one warning to {@code warnings}.
     */
    static void read(
            InputStream in,
            String file,
            List<String> required,
            List<String> optional,
            Consumer<String> warnings,
            Consumer<Row> rows) {
        CsvTable table = new CsvTable(file);
        try (Reader reader = new StrictUtf8Reader(in)) {
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .skipEmptyLines(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .allowUnclosedQuote(false)
                    .ofCsvRecord(reader);
            boolean header = true;
            for (CsvRecord record : csv) {
                if (blank(record)) {
                    continue;
                }
                if (header) {
                    table.header(record, required, optional);
                    header = false;
                } else {
                    table.checkWidth(record);
                    rows.accept(new Row(table, record));
                }
            }
            if (header) {
                throw new InputException(
                        file, 1, 1, "empty file: expected a header row with " + String.join(", ", required));
            }
            table.unusedWarning(required, optional).ifPresent(warnings);
        } catch (CsvParseException e) {
            throw new InputException(
                    file, recordLine(e), 0, "malformed CSV (" + e.getMessage() + "); check quoting", e);
        } catch (UncheckedIOException e) {
            throw unwrap(file, e.getCause());
        } catch (IOException e) {
            throw unwrap(file, e);
        }
    }

    /**
     * A field value as an error message can quote it: cut after 80 characters (the message itself is
     * made printable by {@link InputException}).
     */
    static String shown(String value) {
        int[] cps = value.codePoints().toArray();
        return cps.length > MAX_SHOWN ? new String(cps, 0, MAX_SHOWN) + "..." : value;
    }

    /** The line fastcsv names in its message ("record starting at line N"), or 0 when it names none. */
    private static long recordLine(CsvParseException e) {
        Matcher m = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static InputException unwrap(String file, IOException e) {
        if (e instanceof StrictUtf8Reader.Malformed m) {
            return new InputException(
                    file,
                    m.line(),
                    0,
                    String.format(
                                    Locale.ROOT,
                                    "not valid UTF-8 text (byte 0x%02X at character %d of the line); save the file as "
                                            + "UTF-8",
                                    m.firstByte(),
                                    m.character())
                            + encodingHint(m),
                    e);
        }
        return new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }

    /** What a file that is not UTF-8 from its first bytes most likely is, as a hint; else "". */
    private static String encodingHint(StrictUtf8Reader.Malformed m) {
        return NotUtf8.hint(
                m.line(),
                m.character(),
                m.firstByte() & 0xFF,
                ", as Excel's \"Unicode Text\" saves it: save as \"CSV UTF-8\"");
    }

    /**
     * Names a column of an accounts export may have under another name (a report's or Data Loader's
     * label), each with the name Plumbline reads: said when a required column is missing, never read in
     * its place.
     */
    private static final Map<String, String> ACCOUNT_LABELS = Map.ofEntries(
            Map.entry("account id", "sf_account_id"),
            Map.entry("accountid", "sf_account_id"),
            Map.entry("account_id", "sf_account_id"),
            Map.entry("id", "sf_account_id"),
            Map.entry("account name", "account_name"),
            Map.entry("name", "account_name"),
            Map.entry("domains", "account_domains"),
            Map.entry("account domains", "account_domains"),
            Map.entry("domain", "account_domains"));

    /** As {@link #ACCOUNT_LABELS}, for a contacts export, whose {@code Id} is the contact's own. */
    private static final Map<String, String> CONTACT_LABELS = Map.ofEntries(
            Map.entry("account id", "sf_account_id"),
            Map.entry("accountid", "sf_account_id"),
            Map.entry("account_id", "sf_account_id"),
            Map.entry("email address", "email"),
            Map.entry("e-mail", "email"));

    /** Why a header row lacks {@code missing}, when it shows: another separator, or other names. */
    private String headerHint(List<String> missing, List<String> required) {
        if (columns.size() == 1) {
            String only = columns.keySet().iterator().next();
            if (only.startsWith("sep=")) {
                return "; the first line is Excel's '" + shown(only) + "' line: remove it";
            }
            for (String sep : List.of(";", "\t", "|")) {
                if (only.contains(sep)) {
                    return "; the header looks " + (sep.equals("\t") ? "tab" : "'" + sep + "'")
                            + "-separated: save the file with commas between fields";
                }
            }
        }
        Map<String, String> labels = required.contains("email") ? CONTACT_LABELS : ACCOUNT_LABELS;
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        for (String c : columns.keySet()) {
            for (String wanted : required.contains(c) ? List.<String>of() : missing) {
                // a report's label for the column, or its name misspelled
                if (wanted.equals(labels.get(c)) || ColumnNames.near(c, wanted)) {
                    candidates
                            .computeIfAbsent(wanted, k -> new LinkedHashSet<>())
                            .add(c);
                }
            }
        }
        List<String> renames = new ArrayList<>();
        // of two candidates for one column, neither is sure: no rename is said for it
        candidates.forEach((wanted, cs) -> {
            if (cs.size() == 1) {
                renames.add("'" + shown(cs.iterator().next()) + "' to " + wanted);
            }
        });
        return renames.isEmpty() ? "" : "; if they are these columns, rename " + String.join(", ", renames);
    }

    private void header(CsvRecord record, List<String> required, List<String> optional) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new InputException(
                        file,
                        record.getStartingLineNumber(),
                        i + 1,
                        "duplicate column '" + shown(name) + "' in the header");
            }
        }
        headerSize = record.getFieldCount();
        nearMisses(record, required, optional);
        misspellings(record, required, optional);
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!columns.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(
                    file,
                    record.getStartingLineNumber(),
                    1, // the header as a whole: a column that is not there has no place of its own
                    "missing required column"
                            + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (the header has: "
                            + String.join(
                                    ", ",
                                    columns.keySet().stream()
                                            .map(CsvTable::shown)
                                            .toList()) + ")" + headerHint(missing, required));
        }
        columns.forEach((name, at) -> {
            if (!required.contains(name) && !optional.contains(name)) {
                unused.add(shown(record.getField(at).strip()));
            }
        });
    }

    /** Refuses a header column that names a known, absent column with other case or separators. */
    private void nearMisses(CsvRecord record, List<String> required, List<String> optional) {
        List<String> known = known(required, optional);
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
            if (known.contains(c.getKey())) {
                continue;
            }
            for (String k : known) {
                boolean spelledOtherwise = ColumnNames.spelledOtherwise(c.getKey(), k);
                if (!columns.containsKey(k) && (spelledOtherwise || ColumnNames.salesforceName(c.getKey(), k))) {
                    throw refused(
                            record,
                            c.getValue(),
                            k,
                            spelledOtherwise
                                    ? "looks like '" + k + "' but is not spelled so"
                                    : "is Salesforce's name for '" + k + "' but is not read under it",
                            "",
                            known);
                }
            }
        }
    }

    /**
     * Refuses a header column that is a close misspelling of an optional column the header lacks: read as
     * an unknown column, the optional one would be blank on every row without a sound, as a missing
     * required one is not (its error says which header column is a misspelling of it).
     */
    private void misspellings(CsvRecord record, List<String> required, List<String> optional) {
        List<String> known = known(required, optional);
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
            if (known.contains(c.getKey())) {
                continue;
            }
            for (String k : optional) {
                // parent_account_id is carried, not used by any rule: a column like it is only noted
                if (!k.equals("parent_account_id") && !columns.containsKey(k) && ColumnNames.misspells(c.getKey(), k)) {
                    throw refused(
                            record,
                            c.getValue(),
                            k,
                            "looks like '" + k + "' but is not spelled so",
                            ", or remove the column if it holds something else",
                            known);
                }
            }
        }
    }

    private InputException refused(
            CsvRecord record, int at, String known, String looks, String otherwise, List<String> read) {
        return new InputException(
                file,
                record.getStartingLineNumber(),
                at + 1,
                "column '" + shown(record.getField(at).strip()) + "' " + looks + ", and would be ignored; rename it"
                        + " to " + known + otherwise + " (the columns read are: " + String.join(", ", read) + ")");
    }

    private static List<String> known(List<String> required, List<String> optional) {
        List<String> known = new ArrayList<>(required);
        known.addAll(optional);
        return known;
    }

    /**
     * The warning naming the header's columns that are not used, if any: a column the export was made to
     * carry that Plumbline does not read would otherwise be taken as read.
     */
    private Optional<String> unusedWarning(List<String> required, List<String> optional) {
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        int n = unused.size();
        return Optional.of(file + ": " + n + (n == 1 ? " column is" : " columns are") + " not used: "
                + Texts.listed(unused, ", ", UNUSED_SHOWN) + " (the columns read are: "
                + String.join(", ", known(required, optional)) + ")");
    }

    /**
     * A line holding nothing but whitespace, or only empty fields ({@code ,,,}, as spreadsheets export an
     * empty row): skipped like an empty line, not read as a row.
     */
    private static boolean blank(CsvRecord record) {
        for (String field : record.getFields()) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void checkWidth(CsvRecord record) {
        int fields = record.getFieldCount();
        if (fields > headerSize) {
            throw new InputException(
                    file,
                    record.getStartingLineNumber(),
                    headerSize + 1,
                    "row has " + fields + " fields but the header has " + headerSize
                            + "; quote values that contain commas");
        }
        if (fields < headerSize) {
            throw new InputException(
                    file,
                    record.getStartingLineNumber(),
                    fields + 1,
                    "row has " + fields + (fields == 1 ? " field" : " fields") + " but the header has " + headerSize
                            + (fields == 1 && reportFooter(record.getField(0))
                                    ? "; it is the footer a Salesforce report export adds: export the report's "
                                            + "details only, or delete the lines from this one on"
                                    : "; keep the commas of empty values and quote values that contain line "
                                            + "breaks"));
        }
    }

    /** The lines a formatted Salesforce report export ends with (totals, copyright, confidentiality). */
    private static boolean reportFooter(String field) {
        String f = field.strip().toLowerCase(Locale.ROOT);
        return f.startsWith("grand total")
                || f.startsWith("copyright")
                || f.startsWith("confidential information")
                || f.startsWith("generated by");
    }
}
