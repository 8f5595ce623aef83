package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer the emulator sends: status, body text, content type and extra headers. */
record Reply(int status, String body, String contentType, Map<String, String> headers) {
    static Reply json(int status, JsonNode body) {
        return new Reply(status, body.toString(), "application/json; charset=utf-8", new LinkedHashMap<>());
    }

    static Reply noContent() {
        return new Reply(204, "", null, new LinkedHashMap<>());
    }

    /** Zendesk's usual error envelope: {@code {"error": ..., "description": ...}}. */
    static Reply error(int status, String error, String description) {
        ObjectNode b = EmulatorState.JSON.createObjectNode().put("error", error);
        if (description != null) {
            b.put("description", description);
        }
        return json(status, b);
    }

    /** A refusal of the OAuth token endpoint, worded as OAuth 2.0 words it: error and error_description. */
    static Reply oauthError(int status, String error, String description) {
        return json(
                status,
                EmulatorState.JSON.createObjectNode().put("error", error).put("error_description", description));
    }

    /** An HTML error page, as a proxy or edge in front of Zendesk answers rather than Zendesk itself. */
    static Reply html(int status, String title) {
        String page = "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>\n";
        return new Reply(status, page, "text/html; charset=utf-8", new LinkedHashMap<>());
    }

    static Reply notFound() {
        return error(404, "RecordNotFound", "Not found");
    }

    /** 422 RecordInvalid with one field's error, as Zendesk reports validation failures. */
    static Reply invalid(EmulatorState.Invalid invalid) {
        ObjectNode b = EmulatorState.JSON
                .createObjectNode()
                .put("error", "RecordInvalid")
                .put("description", "Record validation errors");
        b.putObject("details")
                .putArray(invalid.field())
                .addObject()
                .put("description", invalid.description())
                .put("error", invalid.error());
        return json(422, b);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
