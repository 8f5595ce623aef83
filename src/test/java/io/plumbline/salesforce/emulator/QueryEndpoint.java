package io.plumbline.salesforce.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST query endpoint: runs a query, answers the first batch and keeps the rest behind a
 * {@code nextRecordsUrl} ({@code /services/data/vXX.X/query/01g...-OFFSET}), {@code batchSize} records
 * at a time. Records carry {@code attributes}, typed values and nested relationship objects.
 */
final class QueryEndpoint {
    private record Cursor(String version, SoqlStatement statement, List<Map<String, String>> rows) {}

    private final OrgData data;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    volatile int batchSize = 2000;
    /** Rows the first batch's totalSize claims beyond those the cursor holds (a proxy's cut answer). */
    volatile int claimedMore;
    /** Cursors dropped on their next queryMore, as Salesforce drops one held too long or one too many. */
    volatile int dropCursors;

    QueryEndpoint(OrgData data) {
        this.data = data;
    }

    Reply query(String version, String soql) {
        SoqlStatement statement = SoqlParser.parse(soql, data);
        List<Map<String, String>> rows = statement.run(data);
        if (statement.count()) {
            return Reply.json(200, "{\"totalSize\":" + rows.size() + ",\"done\":true,\"records\":[]}");
        }
        String id = "01gEMU" + String.format("%012d", ids.incrementAndGet());
        cursors.put(id, new Cursor(version, statement, rows));
        return batch(id, 0);
    }

    Reply more(String locator) {
        int dash = locator.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.get(locator.substring(0, dash));
        if (cursor != null && dropCursors > 0) {
            dropCursors--;
            cursors.remove(locator.substring(0, dash));
            cursor = null;
        }
        if (cursor == null) {
            throw new EmulatorError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return batch(locator.substring(0, dash), Integer.parseInt(locator.substring(dash + 1)));
    }

    private Reply batch(String id, int offset) {
        Cursor cursor = cursors.get(id);
        int end = Math.min(cursor.rows().size(), offset + batchSize);
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.put("totalSize", cursor.rows().size() + claimedMore);
        page.put("done", end >= cursor.rows().size());
        if (end < cursor.rows().size()) {
            page.put("nextRecordsUrl", "/services/data/v" + cursor.version() + "/query/" + id + "-" + end);
        }
        ArrayNode records = page.putArray("records");
        for (Map<String, String> row : cursor.rows().subList(offset, end)) {
            records.add(record(
                    cursor.version(),
                    cursor.statement().object(),
                    row,
                    cursor.statement().fields()));
        }
        return Reply.json(200, page.toString());
    }

    private ObjectNode record(String version, String object, Map<String, String> row, List<String> fields) {
        ObjectNode out = attributes(version, object, row.get("Id"));
        for (String field : fields) {
            int dot = field.indexOf('.');
            if (dot < 0) {
                put(out, field, row.get(field), data.typeOf(object, field));
                continue;
            }
            String relation = field.substring(0, dot);
            Map<String, String> parent = data.related(object, row, relation);
            if (parent == null) {
                out.putNull(relation);
                continue;
            }
            String target = data.target(object, relation);
            if (!out.has(relation)) {
                out.set(relation, attributes(version, target, parent.get("Id")));
            }
            ObjectNode nested = (ObjectNode) out.get(relation);
            String rest = field.substring(dot + 1);
            put(nested, rest, parent.get(rest), data.typeOf(target, rest));
        }
        return out;
    }

    private static ObjectNode attributes(String version, String object, String id) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("attributes")
                .put("type", object)
                .put("url", "/services/data/v" + version + "/sobjects/" + object + "/" + id);
        return out;
    }

    private static void put(ObjectNode out, String field, String value, OrgData.Type type) {
        if (value == null) {
            out.putNull(field);
        } else if (type == OrgData.Type.BOOLEAN) {
            out.put(field, Boolean.parseBoolean(value));
        } else if (type == OrgData.Type.NUMBER) {
            out.put(field, new BigDecimal(value).setScale(1));
        } else {
            out.put(field, value);
        }
    }
}
