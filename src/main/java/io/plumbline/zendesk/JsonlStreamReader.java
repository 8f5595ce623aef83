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
        return list(
                open,
                file,
                StreamedRecords.ORGANIZATION_KEYS,
                StreamedRecords::organization,
                o -> o.id().value(),
                ZendeskRecords::organization);
    }

    public static List<User> users(Opener open, String file) {
        return list(
                open,
                file,
                StreamedRecords.USER_KEYS,
                StreamedRecords::user,
                u -> u.id().value(),
                ZendeskRecords::user);
    }

    /** Every membership of the file, in a compact table. */
    public static MembershipTable memberships(Opener open, String file) {
        JsonlBlocks.Result<MembershipTable.Builder> read = JsonlBlocks.read(
                open, StreamedRecords.MEMBERSHIP_KEYS, MembershipTable.Builder::new, StreamedRecords::membership);
        if (read == null) {
            return MembershipTable.of(
                    exact(open, file, ZendeskRecords::membership, Membership::id, StreamedRecords.MEMBERSHIP_FIELDS));
        }
        MembershipTable table = MembershipTable.concat(read.sinks());
        return read.ascending() ? table : MembershipTable.of(lastOfEachId(table, m -> m.id().value()));
    }

    /** Every ticket of the file, in a compact table. */
    public static TicketTable tickets(Opener open, String file) {
        return tickets(open, file, null);
    }

    /**
     * The tickets of the file active since {@code since} (every ticket when it is null), in a compact
     * table that also counts every ticket of the file ({@link TicketTable#read()}). Tickets outside the
     * window are parsed and checked but not held. A file whose ids do not strictly ascend (it may repeat
     * a ticket) is read again in full, so that only each ticket's last version decides whether it is in
     * the window.
     */
    public static TicketTable tickets(Opener open, String file, Instant since) {
        JsonlBlocks.Result<TicketColumns.Builder> read = JsonlBlocks.read(
                open,
                StreamedRecords.TICKET_KEYS,
                capacity -> new TicketColumns.Builder(capacity, since),
                StreamedRecords::ticket);
        if (read == null) {
            return TicketTable.of(
                    exact(open, file, ZendeskRecords::ticket, Ticket::id, StreamedRecords.TICKET_FIELDS), since);
        }
        if (read.ascending()) {
            return TicketTable.concat(read.sinks());
        }
        TicketTable all = since == null ? TicketTable.concat(read.sinks()) : tickets(open, file, null);
        return TicketTable.of(lastOfEachId(all, t -> t.id().value()), since);
    }

    private interface StreamMapper<T> {
        T map(FieldReader r) throws IOException;
    }

    private static <T> List<T> list(
            Opener open,
            String file,
            String[] keys,
            StreamMapper<T> mapper,
            ToLongFunction<T> idOf,
            Function<JsonNode, T> exactMapper) {
        IntFunction<List<T>> newSink = ArrayList::new;
        JsonlBlocks.Result<List<T>> read = JsonlBlocks.read(open, keys, newSink, (r, sink) -> {
            T record = mapper.map(r);
            sink.add(record);
            return idOf.applyAsLong(record);
        });
        if (read == null) {
            return exact(open, file, exactMapper, r -> idOf.applyAsLong(r), Set.of(keys));
        }
        List<T> all = new ArrayList<>(read.sinks().stream().mapToInt(List::size).sum());
        read.sinks().forEach(all::addAll);
        return read.ascending() ? all : lastOfEachId(all, idOf);
    }

    /** As JsonlReader keeps records: one per id, the last one read, in the order of those last reads. */
    private static <T> List<T> lastOfEachId(List<T> records, ToLongFunction<T> idOf) {
        LinkedHashMap<Long, T> byId = new LinkedHashMap<>();
        for (T r : records) {
            Long id = idOf.applyAsLong(r);
            byId.remove(id);
            byId.put(id, r);
        }
        return new ArrayList<>(byId.values());
    }

    private static <T> List<T> exact(
            Opener open, String file, Function<JsonNode, T> mapper, Function<T, Object> idOf, Set<String> fields) {
        try (InputStream in = open.open()) {
            return JsonlReader.read(in, file, mapper, idOf, fields);
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A streaming parser over {@code buf[start, end)}, which holds whole lines. */
    static JsonParser parser(byte[] buf, int start, int end) throws IOException {
        return JSON.createParser(buf, start, end - start);
    }
}
