package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthTokenClientTest {
    @Test
    void grant_toString_namesTheFieldsButNoValue() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", "3MVG9-client");
        form.put("client_secret", "s3cr3t-value");
        OAuthTokenClient.Grant grant = new OAuthTokenClient.Grant(
                AuthMethod.CLIENT_CREDENTIALS, "SF_CLIENT_ID", form, List.of("s3cr3t-value"));

        assertThat(grant.toString())
                .isEqualTo("Grant[" + AuthMethod.CLIENT_CREDENTIALS
                        + ", subject=SF_CLIENT_ID, fields=[grant_type, client_id, client_secret]]")
                .doesNotContain("s3cr3t", "3MVG9");
    }
}
