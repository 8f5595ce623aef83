package io.plumbline.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.errors.KnownKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads {@code plumbline.yaml}. Unknown keys and wrong types are errors that name the file, line and
 * key, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            // a key given twice is a mistake to show, not a value to drop silently
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // baseDir is the loader's, not the file's: a file that sets it is refused like any unknown key
            .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /**
     * Keys Plumbline once read and now refuses, each with why and what to do: said on the key's line
     * instead of the plain unknown-key message, so a config written for an older version is fixed
     * knowingly.
     */
    private static final Map<String, String> REFUSED = Map.of(
            "salesforce.bulk_threshold",
            "salesforce.bulk_threshold is no longer supported: Plumbline reads Salesforce only with GET requests"
                    + " on the REST query endpoint, which pages through any number of rows, and a Bulk API query"
                    + " job is created with a POST, which Plumbline never sends to Salesforce; remove the key");

    /** A whole number YAML reads as octal: a leading zero and more digits. */
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    /** Jackson's words for a key that appears twice in one mapping. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private ConfigLoader() {}

    public static PlumblineConfig load(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a folder, not a config file; pass --config FILE (e.g. "
                    + file.resolve("plumbline.yaml") + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(
                    file + ": config file not found; create one with `plumbline init` or pass --config FILE");
        }
        String text = "";
        try {
            text = utf8(file);
            int second = secondDocument(text);
            if (second > 0) {
                throw new ConfigException(where(file, second, 1) + "a second YAML document starts here ('---'), and"
                        + " Plumbline reads only the first, so the settings after it would be ignored; remove the"
                        + " line and keep all settings in one document");
            }
            int[] stray = StrayCharacters.find(text);
            if (stray != null) {
                throw new ConfigException(where(file, stray[0], stray[1]) + StrayCharacters.describe(text, stray));
            }
            unreadScalars(file, text);
            PlumblineConfig config =
                    onlyComments(text) ? PlumblineConfig.defaults() : YAML.readValue(text, PlumblineConfig.class);
            if (config == null) {
                config = PlumblineConfig.defaults();
            }
            Path dir = file.toAbsolutePath().getParent();
            return config.withBaseDir(dir == null ? Path.of(".") : dir);
        } catch (PropertyBindingException e) {
            String key = keyPath(e);
            String what =
                    REFUSED.containsKey(key) ? REFUSED.get(key) : KnownKeys.unknown(e.getPropertyName(), knownKeys(e));
            throw new ConfigException(whereKey(file, key, e.getLocation()) + what, e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException c && c.key() != null) {
                throw new ConfigException(whereKey(file, c.key(), e.getLocation()) + c.getMessage(), e);
            }
            throw new ConfigException(
                    where(file, JsonErrors.line(e), JsonErrors.column(e)) + JsonErrors.describe(e), e);
        } catch (JacksonException e) {
            // asked only of a file YAML refused: a valid config may hold such lines inside a folded value
            int toml = tomlSection(text);
            if (toml > 0) {
                throw new ConfigException(
                        where(file, toml, 1) + "this looks like TOML ([section] and key = value lines), but the "
                                + "config is YAML: write the section as 'zendesk:' and each setting under it "
                                + "indented, as '  subdomain: acme' (plumbline init writes one to start from)",
                        e);
            }
            int[] open = unclosedQuote(text, JsonErrors.line(e));
            if (open != null) {
                // YAML reads a quoted value on over the lines after it, to the next quote: the error it meets
                // there is not where the mistake is
                throw new ConfigException(
                        where(file, open[0], open[1]) + "not valid YAML: a quoted value is not closed on its line", e);
            }
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            String what = duplicate.matches()
                    ? "key '" + duplicate.group(1) + "' is given twice in the same section; keep one"
                    : JsonErrors.describe(e);
            throw new ConfigException(where(file, JsonErrors.line(e), JsonErrors.column(e)) + what, e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The line (1-based) of a TOML section header ({@code [zendesk]}) in a text whose settings are written
     * {@code key = value}, or 0: YAML would read the header as a list and say only that.
     */
    static int tomlSection(String text) {
        String[] lines = text.split("\n", -1);
        int section = 0;
        boolean assignments = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (section == 0 && !lines[i].startsWith(" ") && line.matches("\\[\\[?[A-Za-z_][A-Za-z0-9_.]*]]?")) {
                section = i + 1;
            } else if (line.matches("[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*\\S.*")) {
                assignments = true;
            }
        }
        return assignments ? section : 0;
    }

    /**
     * The line and column (1-based) of the first value before line {@code errorLine} that opens a quote it
     * does not close on its own line, or null. A config's values fit on one line; a quote left open takes
     * the lines after it into the value, so the parser stops somewhere after the mistake.
     */
    static int[] unclosedQuote(String text, long errorLine) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && i + 1 < errorLine; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            int start = colon >= 0 ? colon + 2 : trimmed.startsWith("- ") ? line.indexOf("- ") + 2 : -1;
            while (start >= 0 && start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            if (start < 0 || start >= line.length()) {
                continue;
            }
            char quote = line.charAt(start);
            if ((quote == '"' || quote == '\'') && !closes(line, start + 1, quote)) {
                return new int[] {i + 1, start + 1};
            }
        }
        return null;
    }

    /**
     * Whether {@code quote} is closed in {@code line} after {@code from}; an escaped quote (after a backslash
     * in double quotes, doubled in single ones) does not close it.
     */
    private static boolean closes(String line, int from, char quote) {
        for (int j = from; j < line.length(); j++) {
            char c = line.charAt(j);
            if (quote == '"' && c == '\\') {
                j++;
            } else if (c == quote) {
                if (quote == '\'' && j + 1 < line.length() && line.charAt(j + 1) == '\'') {
                    j++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Refuses what YAML would read otherwise than it looks: a whole number written with a leading zero
     * ({@code 010}, which YAML reads as octal 8), and an anchor or alias ({@code &name}, {@code *name}),
     * which the mapping would read as the text of the name. A file the parser cannot read is left to the
     * mapping, which says where.
     */
    private static void unreadScalars(Path file, String text) {
        try (YAMLParser p = (YAMLParser) YAML.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonLocation at = p.currentTokenLocation();
                if (p.isCurrentAlias()) { // an anchor alone changes nothing; the alias is read as text
                    throw new ConfigException(where(file, at) + "YAML anchors and aliases (&name, *name) are not "
                            + "read in a Plumbline config; write each value out where it is used");
                }
                if (t == JsonToken.VALUE_NUMBER_INT
                        && LEADING_ZERO.matcher(p.getText()).matches()) {
                    throw new ConfigException(where(file, at) + "write the number " + p.getText()
                            + " without its leading zero, or quote it if it is text (YAML reads " + p.getText()
                            + " as the octal number " + p.getNumberValue() + ")");
                }
            }
        } catch (JacksonException e) {
            // the mapping reads the file again and says where it fails
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The config a command's {@code --config} names ({@code given}), else {@code ./plumbline.yaml}: read
     * when it exists; when it does not, an error if it was given or is {@code needed} (a command that
     * talks to the Zendesk a config names), else the defaults.
     */
    public static PlumblineConfig loadGiven(Path given, boolean needed) {
        return loadOrDefaults(given != null ? given : Path.of("plumbline.yaml"), given != null || needed);
    }

    /** Loads {@code file} when it exists, else the defaults (for commands that can run without one). */
    public static PlumblineConfig loadOrDefaults(Path file, boolean explicit) {
        if (!explicit && !Files.exists(file)) {
            return PlumblineConfig.defaults();
        }
        return load(file);
    }

    /**
     * The line of a {@code ---} that starts a second YAML document, after settings (a leading one only marks
     * the start of the first), or 0.
     */
    private static int secondDocument(String text) {
        boolean settings = false;
        int n = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            n++;
            String l = line.replace("\uFEFF", "").stripTrailing();
            if (l.equals("---") || l.startsWith("--- ")) {
                if (settings) {
                    return n;
                }
            } else if (!l.isBlank() && !l.strip().startsWith("#") && !l.startsWith("%")) {
                settings = true;
            }
        }
        return 0;
    }

    /** An empty file, or one of comments only (e.g. an init-written config with every line commented out). */
    private static boolean onlyComments(String text) {
        return text.lines().map(l -> l.replace("\uFEFF", "").strip()).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    /** The dotted path of the key a binding error is about ({@code zendesk.auth.api_tokn_env}). */
    private static String keyPath(PropertyBindingException e) {
        return e.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("."));
    }

    /** The keys a file may set where {@code e} happened, sorted. */
    private static List<String> knownKeys(PropertyBindingException e) {
        return e.getKnownPropertyIds().stream()
                .map(String::valueOf)
                .filter(k -> !PlumblineConfig.BASE_DIR.equals(k))
                .sorted()
                .toList();
    }

    /** The file's text; bytes that are not UTF-8 are an error naming the line they are on. */
    private static String utf8(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        CharBuffer out = CharBuffer.allocate(in.remaining());
        CoderResult result = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (in.get(i) == '\n') {
                    line++;
                }
            }
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "%s:%d: error: not valid UTF-8 text (byte 0x%02X); save the file as UTF-8",
                    file,
                    line,
                    in.get(at) & 0xFF));
        }
        return out.flip().toString();
    }

    /**
     * Where a key is written: YAML parsers report the token after it, so the file is searched first.
     * {@code key} is a dotted path from the top ({@code zendesk.auth.api_token_env}); a path found only
     * in part (its last keys written in a {@code {flow: mapping}}) points at the part.
     */
    private static String whereKey(Path file, String key, JsonLocation fallback) {
        try {
            int[] at = KeyLines.find(Files.readAllLines(file, StandardCharsets.UTF_8), key);
            if (at != null) {
                return file + ":" + at[0] + ":" + at[1] + ": error: ";
            }
        } catch (IOException e) {
            // fall back to the parser's location
        }
        return where(file, fallback);
    }

    private static String where(Path file, JsonLocation location) {
        return location == null ? where(file, 0, 0) : where(file, location.getLineNr(), location.getColumnNr());
    }

    private static String where(Path file, long line, int column) {
        if (line <= 0) {
            return file + ": error: ";
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": error: ";
    }
}
