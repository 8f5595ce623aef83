package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.InputException;
import io.plumbline.model.Membership;
import io.plumbline.model.MembershipTable;
import io.plumbline.model.Organization;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketColumns;
import io.plumbline.model.TicketTable;
import io.plumbline.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * A fast way to read large Zendesk JSONL files with the same result as {@link JsonlReader}: bytes are
 * read in blocks of whole lines, checked as UTF-8, and mapped without a tree per line (by the byte
 * scanner, else by Jackson's streaming parser), the blocks spread over the machine's cores ({@link
 * JsonlBlocks}). It handles the shape
 * exports have (one object per line, nothing the exact mapping would refuse); on anything else it
 * starts over with {@link JsonlReader}, which gives the exact records or the exact error.
 */
public final class JsonlStreamReader {
    /** Thrown (without a stack trace) when a file needs the exact, slower reader. */
    static final RuntimeException FALLBACK =
            new RuntimeException("fall back to the exact reader", null, false, false) {};

    private static final JsonFactory JSON = new JsonFactory();

    /** Opens the file again from its start. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Maps one record (its fields from a reader past the opening brace) into a per-block sink; returns its id. */
    interface RecordMapper<S> {
        long map(FieldReader r, S sink) throws IOException;
    }

    private JsonlStreamReader() {}

    public static List<Organization> organizations(Opener open, String file) {
        return organizations(open, file, warning -> {});
    }

    /** The organizations of the file; ids repeated with different content are told to {@code warnings}. */
    public static List<Organization> organizations(Opener open, String file, Consumer<String> warnings) {
        return list(
                new Read(open, file, "organization", warnings),
                StreamedRecords.ORGANIZATION_KEYS,
                StreamedRecords::organization,
                o -> o.id().value(),
                ZendeskRecords::organization);
    }

    public static List<User> users(Opener open, String file) {
        return users(open, file, warning -> {});
    }

    /** The users of the file; ids repeated with different content are told to {@code warnings}. */
    public static List<User> users(Opener open, String file, Consumer<String> warnings) {
        return list(
                new Read(open, file, "user", warnings),
                StreamedRecords.USER_KEYS,
                StreamedRecords::user,
                u -> u.id().value(),
                ZendeskRecords::user);
    }

    /** Every membership of the file, in a compact table. */
    public static MembershipTable memberships(Opener open, String file) {
        return memberships(open, file, warning -> {});
    }

    /** As {@link #memberships(Opener, String)}; ids repeated with different content are told to {@code warnings}. */
    public static MembershipTable memberships(Opener open, String file, Consumer<String> warnings) {
        Read source = new Read(open, file, "membership", warnings);
        JsonlBlocks.Result<MembershipTable.Builder> read = JsonlBlocks.read(
                open, StreamedRecords.MEMBERSHIP_KEYS, MembershipTable.Builder::new, StreamedRecords::membership);
        if (read == null) {
            return MembershipTable.of(
                    exact(source, ZendeskRecords::membership, Membership::id, StreamedRecords.MEMBERSHIP_FIELDS));
        }
        MembershipTable table = MembershipTable.concat(read.sinks());
        return read.ascending() ? table : MembershipTable.of(lastOfEachId(source, table, m -> m.id().value()));
    }

    /** Every ticket of the file, in a compact table. */
    public static TicketTable tickets(Opener open, String file) {
        return tickets(open, file, null);
    }

    public static TicketTable tickets(Opener open, String file, Instant since) {
        return tickets(open, file, since, warning -> {});
    }

    /**
     * The tickets of the file active since {@code since} (every ticket when it is null), in a compact
     * table that also counts every ticket of the file ({@link TicketTable#read()}). Tickets outside the
     * window are parsed and checked but not held. A file whose ids do not strictly ascend (it may repeat
     * a ticket) is read again in full, so that only each ticket's last version decides whether it is in
     * the window; ids repeated with different content are told to {@code warnings}.
     */
    public static TicketTable tickets(Opener open, String file, Instant since, Consumer<String> warnings) {
        Read source = new Read(open, file, "ticket", warnings);
        JsonlBlocks.Result<TicketColumns.Builder> read = JsonlBlocks.read(
                open,
                StreamedRecords.TICKET_KEYS,
                capacity -> new TicketColumns.Builder(capacity, since),
                StreamedRecords::ticket);
        if (read == null) {
            return TicketTable.of(
                    exact(source, ZendeskRecords::ticket, Ticket::id, StreamedRecords.TICKET_FIELDS), since);
        }
        if (read.ascending()) {
            return TicketTable.concat(read.sinks());
        }
        if (since != null) { // the full read keeps each ticket's last version, and says what repeats
            return TicketTable.of(tickets(open, file, null, warnings), since);
        }
        return TicketTable.of(lastOfEachId(source, TicketTable.concat(read.sinks()), t -> t.id().value()), null);
    }

    private interface StreamMapper<T> {
        T map(FieldReader r) throws IOException;
    }

    /** The file being read, what its records are called in a warning, and where warnings go. */
    private record Read(Opener open, String file, String noun, Consumer<String> warnings) {}

    private static <T> List<T> list(
            Read file,
            String[] keys,
            StreamMapper<T> mapper,
            ToLongFunction<T> idOf,
            Function<JsonNode, T> exactMapper) {
        IntFunction<List<T>> newSink = ArrayList::new;
        JsonlBlocks.Result<List<T>> read = JsonlBlocks.read(file.open(), keys, newSink, (r, sink) -> {
            T record = mapper.map(r);
            sink.add(record);
            return idOf.applyAsLong(record);
        });
        if (read == null) {
            return exact(file, exactMapper, r -> idOf.applyAsLong(r), Set.of(keys));
        }
        List<T> all = new ArrayList<>(read.sinks().stream().mapToInt(List::size).sum());
        read.sinks().forEach(all::addAll);
        return read.ascending() ? all : lastOfEachId(file, all, idOf);
    }

    /**
     * As JsonlReader keeps records: one per id, the last one read, in the order of those last reads; ids
     * repeated with different content are told as JsonlReader tells them.
     */
    private static <T> List<T> lastOfEachId(Read file, List<T> records, ToLongFunction<T> idOf) {
        LinkedHashMap<Long, T> byId = new LinkedHashMap<>();
        RepeatedIds repeated = null;
        for (int i = 0; i < records.size(); i++) {
            T r = records.get(i);
            Long id = idOf.applyAsLong(r);
            T before = byId.remove(id);
            byId.put(id, r);
            if (before != null && !before.equals(r)) {
                repeated = repeated != null ? repeated : new RepeatedIds(file.file(), file.noun());
                // where the id was before is looked for only for the first id the warning names
                repeated.differs(id, repeated.isEmpty() ? lastIndexOf(records, idOf, id, i) : -1, i);
            }
        }
        if (repeated != null) {
            long[] lines = RecordLines.of(file.open(), file.file(), repeated.firstPositions());
            file.warnings().accept(repeated.warning(lines[0], lines[1]));
        }
        return new ArrayList<>(byId.values());
    }

    /** The index of the last record before {@code end} with the id {@code id}. */
    private static <T> int lastIndexOf(List<T> records, ToLongFunction<T> idOf, long id, int end) {
        int i = end - 1;
        while (idOf.applyAsLong(records.get(i)) != id) {
            i--;
        }
        return i;
    }

    private static <T> List<T> exact(
            Read file, Function<JsonNode, T> mapper, Function<T, Object> idOf, Set<String> fields) {
        try (InputStream in = file.open().open()) {
            return JsonlReader.read(in, file.file(), mapper, idOf, fields, file.noun(), file.warnings());
        } catch (IOException e) {
            throw new InputException(file.file(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A streaming parser over {@code buf[start, end)}, which holds whole lines. */
    static JsonParser parser(byte[] buf, int start, int end) throws IOException {
        return JSON.createParser(buf, start, end - start);
    }
}
