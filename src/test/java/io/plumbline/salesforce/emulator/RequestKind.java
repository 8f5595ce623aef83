package io.plumbline.salesforce.emulator;

/** What a request to the emulator was; everything that is not a sign-in or a read is REJECTED. */
public enum RequestKind {
    TOKEN,
    VERSIONS,
    QUERY,
    QUERY_MORE,
    REJECTED;

    /** True for the traffic a read-only client may send. */
    public boolean isRead() {
        return this != REJECTED;
    }
}
