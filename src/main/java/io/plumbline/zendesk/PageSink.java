package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Receives the records of one page, in the order Zendesk sent them, as the JSON objects it sent. */
@FunctionalInterface
public interface PageSink {
    void page(List<JsonNode> records);
}
