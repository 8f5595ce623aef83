package io.plumbline.salesforce.emulator;

import java.util.Map;

/** A response the emulator sends: status, content type, body and extra headers. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply json(int status, String body) {
        return new Reply(status, "application/json;charset=UTF-8", body, Map.of());
    }

    static Reply error(EmulatorError e) {
        String body =
                "[{\"message\":" + Json.quote(e.getMessage()) + ",\"errorCode\":" + Json.quote(e.errorCode) + "}]";
        return json(e.status, body);
    }
}
