package io.plumbline.salesforce.emulator;

/**
 * One request the emulator received, as logged: method, path, decoded query string, body, its kind,
 * whether it carried a bearer token, and the status the emulator answered.
 */
public record RecordedRequest(
        String method, String path, String query, String body, RequestKind kind, boolean bearer, int status) {}
