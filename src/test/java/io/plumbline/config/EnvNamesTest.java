package io.plumbline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvNamesTest {
    @Test
    void shown_conventionalName_asItIs() {
        assertThat(EnvNames.shown("zendesk.auth.api_token_env", " ZENDESK_API_TOKEN "))
                .isEqualTo("ZENDESK_API_TOKEN");
    }

    @Test
    void shown_tokenShapedName_isNotShown() {
        String token = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7d";
        assertThat(EnvNames.shown("zendesk.auth.api_token_env", token))
                .doesNotContain(token)
                .contains("zendesk.auth.api_token_env");
    }

    @Test
    void shown_longRunOfCapitalsAndDigitsWithoutWords_isNotShown() {
        String secret = "E3F1A9C07B2D4E6F8A1C3E5B7D9F0A2C4E6B8D0F1A3C5E7B9D2F4A6C8E0B1D3F";
        assertThat(EnvNames.shown("salesforce.client_secret_env", secret))
                .doesNotContain(secret)
                .contains("salesforce.client_secret_env");
        assertThat(EnvNames.shown("salesforce.client_secret_env", "SFCLIENTSECRET"))
                .isEqualTo("SFCLIENTSECRET");
    }
}
