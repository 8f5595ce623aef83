package io.plumbline.salesforce;

/**
 * What a Salesforce pull read and what it cost: rows written, HTTP requests sent to Salesforce
 * (sign-in and retries included), the API version, the sign-in method, and where contacts came from.
 *
 * @param contactsRead false when the config does not ask for contacts (then {@code contacts} is 0)
 * @param contactRelations true when contacts came from AccountContactRelation
 * @param apiUsage the org's daily API requests used and its limit, as Salesforce last reported them
 *     ({@code Sforce-Limit-Info}); null when it did not
 * @param instanceUrl the org read, as signed in to
 */
public record SalesforcePullStats(
        String instanceUrl,
        int accounts,
        int contacts,
        int requests,
        String apiVersion,
        AuthMethod auth,
        boolean contactsRead,
        boolean contactRelations,
        ApiUsage apiUsage) {
    /** The share of its daily API requests the org had used, from 0; a warning is due from this much. */
    public static final double HIGH_USAGE = 0.8;

    /** The org's daily API requests: those used so far and its limit. */
    public record ApiUsage(long used, long limit) {}

    /** Whether the org had used {@link #HIGH_USAGE} or more of its daily API requests. */
    public boolean usageHigh() {
        return apiUsage != null && apiUsage.used() >= HIGH_USAGE * apiUsage.limit();
    }
}
