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
}
