package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One parsed request: method, path without {@code .json}, decoded query parameters, body, and when. */
record Call(String method, String path, Map<String, String> query, String rawQuery, String body, Instant at) {
    static Call parse(String method, String path, String rawQuery, String body, Instant at) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                q.putIfAbsent(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String p = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
        return new Call(method, p, q, rawQuery == null ? "" : rawQuery, body == null ? "" : body, at);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    String param(String name) {
        return query.get(name);
    }

    /** The body as JSON; a missing node when empty or malformed. */
    JsonNode json() {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return EmulatorState.JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A decoded query string for the log, parameters in the order sent. */
    String decodedQuery() {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }
}
