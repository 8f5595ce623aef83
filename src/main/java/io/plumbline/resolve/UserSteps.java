package io.plumbline.resolve;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.User;
import io.plumbline.normalize.Emails;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Puts a {@link UserResolution} into the words {@code trace} prints, step by step. */
final class UserSteps {
    private UserSteps() {}

    /** The steps; {@code contactsRead} says whether the audit had any Salesforce contacts to look in. */
    static List<String> explain(UserResolution r, boolean contactsRead) {
        User user = r.user();
        List<String> steps = new ArrayList<>();
        if (r.rule() == UserRule.NOT_ELIGIBLE) {
            steps.add(
                    user.eligible()
                            ? "email '" + user.email() + "' is not a usable address: not checked"
                            : String.format(
                                    Locale.ROOT,
                                    "user is not an active, unsuspended end-user with an email (role %s, active %s, suspended %s): not checked",
                                    user.role().isEmpty() ? "(none)" : user.role(),
                                    user.active(),
                                    user.suspended()));
            return steps;
        }
        if (r.rule() == UserRule.CONTACT) {
            steps.add(String.format(
                    Locale.ROOT,
                    "contact match: email belongs to contact(s) of %s%s",
                    join(r.accounts()),
                    r.primary() == null
                            ? "; no single primary account, so the default org is not checked"
                            : "; primary account " + r.primary()));
            return steps;
        }
        steps.add(
                contactsRead
                        ? "no Salesforce contact has email "
                                + Emails.normalize(user.email()).orElse("")
                        : "no Salesforce contacts were read (no contacts input), so the email domain decides");
        String domain = String.valueOf(r.emailDomain());
        steps.add(
                switch (r.rule()) {
                    case PERSONAL ->
                        "email domain " + domain + " is a personal email domain: never identifies an account";
                    case NO_MATCH -> "email domain " + domain + " is an expected domain of no account: no expectation";
                    case AMBIGUOUS ->
                        "email domain " + domain + " is an expected domain of "
                                + r.accounts().size() + " accounts (" + join(r.accounts()) + "): ambiguous";
                    default ->
                        "email domain " + domain + " is an expected domain of exactly one account: " + r.primary();
                });
        return steps;
    }

    static String join(Collection<SalesforceAccountId> ids) {
        return String.join(
                ", ", ids.stream().map(SalesforceAccountId::value).sorted().toList());
    }
}
