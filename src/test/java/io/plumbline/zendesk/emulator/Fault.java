package io.plumbline.zendesk.emulator;

/** A fault the emulator can inject into one request. */
public enum Fault {
    NONE,
    /** 429 with the configured Retry-After. */
    TOO_MANY,
    /** 500, 502, 503 or 504. */
    SERVER_ERROR,
    /** The connection is closed without an answer. */
    RESET,
    /** The answer comes after the configured real-time delay. */
    SLOW,
    /**
     * The answer's headers and the first part of its body come at once, the rest only after the configured
     * real-time delay, as from a proxy that stalls halfway through a large page.
     */
    STALLED_BODY,
    /** The request is handled (a write takes effect) but the connection is closed without the answer. */
    LOST_ANSWER,
    /**
     * The request is handled (a write takes effect) but the answer is a 503 with {@code Retry-After: 1}, as
     * a proxy in front of Zendesk may give when the request timed out behind it.
     */
    LANDED_THEN_503,
    /** The request is not handled, and answered 503 without Retry-After, as during a maintenance window. */
    UNAVAILABLE,
    /** The request is not handled, and answered 503 with {@code Retry-After: 1}, as a proxy in front may answer. */
    UNAVAILABLE_RETRY_AFTER,
    /** The request is not handled, and answered 502 with an HTML page, as an edge in front answers in an incident. */
    BAD_GATEWAY,
    /** The request is not handled, and answered 504 with an HTML page, as an edge in front answers in an incident. */
    GATEWAY_TIMEOUT,
    /**
     * The request is handled (a write takes effect) and answered with its status, but with an empty JSON
     * object for its body, as a proxy that strips what it does not know might answer.
     */
    EMPTY_ANSWER,
    /** The request is refused, 422 RecordInvalid, without being handled, as Zendesk refuses a value it does not take. */
    UNPROCESSABLE
}
