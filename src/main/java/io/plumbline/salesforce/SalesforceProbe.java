package io.plumbline.salesforce;

/**
 * What a sign-in check found: the instance signed in to, how, the API version chosen, how many
 * accounts the account filter selects, and the requests it took.
 */
public record SalesforceProbe(String instanceUrl, AuthMethod auth, String apiVersion, long accounts, int requests) {}
