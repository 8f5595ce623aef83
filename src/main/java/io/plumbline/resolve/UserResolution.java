package io.plumbline.resolve;

import io.plumbline.model.Domain;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.User;
import java.util.List;
import java.util.Objects;

/**
 * The account(s) a Zendesk user is expected to belong to, and why ({@link #steps()}).
 *
 * @param accounts the expected accounts (several only through contacts; the candidates when ambiguous)
 * @param primary the account that decides the user's default org and ticket attribution, or null when
 *     none is deterministic
 */
public record UserResolution(
        User user, UserRule rule, Domain emailDomain, List<SalesforceAccountId> accounts, SalesforceAccountId primary) {
    public UserResolution {
        Objects.requireNonNull(user, "user");
        accounts = List.copyOf(accounts);
    }

    /**
     * The resolution steps in words, in order, for {@code trace}. Derived from the fields when asked,
     * so that millions of resolved users do not each hold their explanation.
     */
    public List<String> steps(boolean contactsRead) {
        return UserSteps.explain(this, contactsRead);
    }

    /** True when the user maps to at least one account without ambiguity. */
    public boolean mapped() {
        return rule == UserRule.CONTACT || rule == UserRule.DOMAIN;
    }
}
