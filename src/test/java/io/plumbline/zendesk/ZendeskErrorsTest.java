package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.PlumblineException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZendeskErrorsTest {
    private static final URI BASE = URI.create("https://acme.zendesk.com");

    @Test
    void forStatus_serverEchoesTheSecret_messageHasItRedacted() throws Exception {
        BearerTokenAuth auth = new BearerTokenAuth("ZD_TOKEN", "sekret-token-123");
        String body = "{\"error\":\"Forbidden\",\"description\":\"token sekret-token-123 lacks scope read\"}";
        ZendeskResponse r = new ZendeskResponse(403, new ObjectMapper().readTree(body), body, "abc-1");

        String message = ZendeskErrors.forStatus(r, "GET /api/v2/users", BASE, auth, new SecretRedactor(auth.secrets()))
                .getMessage();

        assertThat(message)
                .doesNotContain("sekret-token-123")
                .contains("token [redacted] lacks scope read")
                .contains("[request id abc-1]");
    }

    @Test
    void forStatus_plainTextBody_isQuotedShortened() {
        ZendeskResponse r = new ZendeskResponse(418, null, "x".repeat(500), "");
        String message = ZendeskErrors.forStatus(
                        r, "GET /x", BASE, new BearerTokenAuth("T", "abcd"), SecretRedactor.none())
                .getMessage();
        assertThat(message)
                .startsWith("Zendesk at https://acme.zendesk.com answered 418 to GET /x: xxx")
                .hasSizeLessThan(340);
    }

    @Test
    void forStatus_errorsListBody_quotesEachCodeTitleAndDetail() throws Exception {
        String body = "{\"errors\":[{\"code\":\"InvalidPaginationParameter\",\"title\":\"Invalid Pagination "
                + "Parameter\",\"detail\":\"page[size] is not valid\"},\"plain words\"]}";
        ZendeskResponse r = new ZendeskResponse(400, new ObjectMapper().readTree(body), body, "");

        String message = ZendeskErrors.forStatus(
                        r, "GET /api/v2/users", BASE, new BearerTokenAuth("T", "abcd"), SecretRedactor.none())
                .getMessage();

        assertThat(message)
                .isEqualTo(
                        "Zendesk at https://acme.zendesk.com answered 400 to GET /api/v2/users: "
                                + "InvalidPaginationParameter: Invalid Pagination Parameter: page[size] is not valid: plain words");
    }

    @Test
    void forStatus_objectOfUnknownShape_quotesItsText() throws Exception {
        String body = "{\"message\":\"Something else went wrong\"}";
        ZendeskResponse r = new ZendeskResponse(400, new ObjectMapper().readTree(body), body, "");

        String message = ZendeskErrors.forStatus(
                        r, "GET /x", BASE, new BearerTokenAuth("T", "abcd"), SecretRedactor.none())
                .getMessage();

        assertThat(message).endsWith("to GET /x: " + body);
    }

    @Test
    void forStatus_refusedCredentials_holdForEveryCallAfter_otherRefusalsOnlyForTheirRecord() throws Exception {
        String scope = "{\"error\":\"Forbidden\",\"description\":\"You are missing the following required "
                + "scopes: write\"}";
        String role = "{\"error\":\"Forbidden\",\"description\":\"You do not have access to this page.\"}";

        assertThat(refusal(401, "{}")).isInstanceOf(CredentialsRefusedException.class);
        assertThat(refusal(403, scope)).isInstanceOf(CredentialsRefusedException.class);
        assertThat(refusal(403, role)).isNotInstanceOf(CredentialsRefusedException.class);
        assertThat(refusal(422, role)).isNotInstanceOf(CredentialsRefusedException.class);
    }

    /** The error a write answered {@code status} with {@code body} becomes. */
    private static PlumblineException refusal(int status, String body) throws Exception {
        return ZendeskErrors.forStatus(
                new ZendeskResponse(status, new ObjectMapper().readTree(body), body, ""),
                "PUT /x",
                BASE,
                new BearerTokenAuth("T", "abcd"),
                SecretRedactor.none());
    }

    @Test
    void redactor_masksLongestFirst_andIgnoresTinyValues() {
        SecretRedactor r = new SecretRedactor(List.of("abc", "token-1", "token-12"));
        assertThat(r.redact("token-12 token-1 abc")).isEqualTo("[redacted] [redacted] abc");
    }
}
