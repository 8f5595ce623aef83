package io.plumbline.zendesk;

import java.util.List;

/**
 * One way of authenticating to Zendesk. It produces the {@code Authorization} header, may fetch or
 * refresh a token through the given {@link TokenEndpoint}, and describes itself (which environment
 * variables, never their values) so that error messages can say what to fix.
 */
public interface ZendeskAuth {
    /** The {@code Authorization} header value for the next request. */
    String authorizationHeader(TokenEndpoint tokens);

    /** After a 401: forget any cached token; true when asking again may succeed. */
    boolean invalidate();

    /** E.g. "the OAuth access token in $ZENDESK_OAUTH_TOKEN": names, never values. */
    String describe();

    /** What to change when Zendesk answers 401 to these credentials. */
    String fixFor401();

    /** Every secret value this auth knows, so that it can be redacted everywhere. */
    List<String> secrets();

    /** Fetches an access token with the client_credentials grant. */
    @FunctionalInterface
    interface TokenEndpoint {
        TokenGrant clientCredentials(String clientId, String clientSecret, String scopes);
    }
}
