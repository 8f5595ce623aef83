package io.plumbline.salesforce;

/**
 * What a Salesforce pull read and what it cost: rows written, HTTP requests sent to Salesforce
 * (sign-in and retries included), the API version, the sign-in method and which API read each object.
 *
 * @param contactsMode null when contacts were not read
 * @param contactRelations true when contacts came from AccountContactRelation
 */
public record SalesforcePullStats(
        int accounts,
        int contacts,
        int requests,
        String apiVersion,
        AuthMethod auth,
        QueryMode accountsMode,
        QueryMode contactsMode,
        boolean contactRelations) {}
