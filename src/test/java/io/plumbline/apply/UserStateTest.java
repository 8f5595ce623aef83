package io.plumbline.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.User;
import io.plumbline.model.ZendeskUserId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user re-check before a user action's write: what counts as the email the audit mapped. */
class UserStateTest {
    @Test
    void changedFrom_sameEmailInAnotherCaseOrUnicodeForm_isUnchanged() {
        UserState user = state("Ren\u00e9e@Example.com");

        assertThat(user.changedFrom(Map.of(UserState.EMAIL, "rene\u0301e@example.com")))
                .isEmpty();
        assertThat(user.changedFrom(Map.of(UserState.EMAIL, "RENE\u0301E@EXAMPLE.COM")))
                .isEmpty();
    }

    @Test
    void changedFrom_anotherEmail_isTheEmailThatChanged() {
        UserState user = state("renee@example.com");

        assertThat(user.changedFrom(Map.of(UserState.EMAIL, "rene@example.com")))
                .contains("user_email");
    }

    private static UserState state(String email) {
        return new UserState(new User(new ZendeskUserId(7), email, "R", User.END_USER, null, true, false), List.of());
    }
}
