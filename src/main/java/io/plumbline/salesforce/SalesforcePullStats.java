package io.plumbline.salesforce;

/**
 * What a Salesforce pull read and what it cost: rows written, HTTP requests sent to Salesforce
 * (sign-in and retries included), the API version, the sign-in method, and where contacts came from.
 *
 * @param contactsRead false when the config does not ask for contacts (then {@code contacts} is 0)
 * @param contactRelations true when contacts came from AccountContactRelation
 */
public record SalesforcePullStats(
        int accounts,
        int contacts,
        int requests,
        String apiVersion,
        AuthMethod auth,
        boolean contactsRead,
        boolean contactRelations) {}
