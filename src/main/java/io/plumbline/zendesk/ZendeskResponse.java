package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One answer from Zendesk: the status, the parsed body (a {@link MissingNode} when empty or not JSON),
 * the raw text for messages, and the request id Zendesk gave it ({@code X-Request-Id} or
 * {@code x-zendesk-request-id}; empty when absent).
 */
public record ZendeskResponse(int status, JsonNode body, String text, String requestId) {
    public ZendeskResponse {
        body = body == null ? MissingNode.getInstance() : body;
        text = text == null ? "" : text;
        requestId = requestId == null ? "" : requestId;
        Objects.requireNonNull(body);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
