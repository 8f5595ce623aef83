package io.plumbline.salesforce;

import java.net.URI;
import java.util.Objects;

/**
 * A signed-in Salesforce session: the instance to call, the bearer token and how it was obtained.
 * {@link #toString()} never shows the token, so a session can be logged or put in a message safely.
 *
 * @param subject what the auth method names (alias, variable, user), for re-authentication hints
 */
public record SalesforceSession(URI instanceUrl, String accessToken, AuthMethod method, String subject) {
    public SalesforceSession {
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(method, "method");
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token must not be blank");
        }
        subject = subject == null ? "" : subject;
    }

    /** How the user gets a fresh session when Salesforce rejects this one. */
    public String reauthHint() {
        return method.reauthHint(subject);
    }

    /** Replaces every occurrence of the token in {@code text}, for text that came from elsewhere. */
    public String redact(String text) {
        return text == null ? "" : text.replace(accessToken, "[redacted]");
    }

    @Override
    public String toString() {
        return "SalesforceSession[" + instanceUrl + ", " + method + ", token=[redacted]]";
    }
}
