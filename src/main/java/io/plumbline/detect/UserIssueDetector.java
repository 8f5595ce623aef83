package io.plumbline.detect;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountOutcome;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.Resolution;
import io.plumbline.resolve.UserResolution;
import io.plumbline.resolve.UserRule;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Users whose memberships disagree with their expected account's org: a missing membership, a wrong
 * default org, an account blocked upstream, or an ambiguous email domain.
 */
final class UserIssueDetector implements Detector {
    @Override
    public List<Issue> detect(Resolution resolution) {
        // users are checked independently of each other; the detector's caller sorts the issues
        return resolution.users().values().parallelStream()
                .filter(u -> u.rule() == UserRule.AMBIGUOUS || u.mapped())
                .<Issue>mapMulti((u, out) -> detect(u, resolution, out)) // no stream per user
                .toList();
    }

    private static void detect(UserResolution u, Resolution resolution, Consumer<Issue> out) {
        if (u.rule() == UserRule.AMBIGUOUS) {
            out.accept(ambiguous(u, resolution));
            return;
        }
        for (SalesforceAccountId account : u.accounts()) {
            check(u, resolution.account(account), resolution, out);
        }
    }

    private static Issue ambiguous(UserResolution u, Resolution resolution) {
        AccountResolution first = resolution.account(u.accounts().get(0));
        String candidates = Texts.listed(
                u.accounts().stream().map(SalesforceAccountId::value).toList(), " ", AccountIssueDetector.NAMED);
        return IssueBuilder.of(IssueCode.USER_DOMAIN_AMBIGUOUS, first.account())
                .user(u.user().id())
                .current(memberships(u.user(), resolution))
                .relatedOrgs(memberOrgs(u.user(), resolution))
                .expected(candidates)
                .relatedAccounts(u.accounts())
                .evidence(
                        "%s: domain %s is an expected domain of %d accounts (%s)",
                        u.user().email(), u.emailDomain(), u.accounts().size(), candidates)
                .build();
    }

    private static void check(UserResolution u, AccountResolution account, Resolution resolution, Consumer<Issue> out) {
        User user = u.user();
        if (account.outcome() == AccountOutcome.BLOCKED_DUPLICATE) {
            out.accept(IssueBuilder.of(IssueCode.USER_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID, account.account())
                    .user(user.id())
                    .current(memberships(user, resolution))
                    .relatedOrgs(memberOrgs(user, resolution))
                    .evidence(
                            "%s maps to %s by %s, whose org is ambiguous: %d orgs carry its external_id",
                            user.email(),
                            account.account().id(),
                            u.rule().name().toLowerCase(java.util.Locale.ROOT),
                            account.externalIdMatches().size())
                    .build());
            return;
        }
        if (!account.resolved()) {
            return;
        }
        ZendeskOrgId org = account.org().id();
        // most users are members of their account's org, by default: asked of the index without records
        long membership = resolution.membershipIdOf(user.id(), org);
        if (membership < 0 && resolution.isDefaultOrgOf(user, org)) {
            // no membership row, but the user's own organization_id names the org and no membership is marked
            // default: Zendesk keeps organization_id as the default membership's org, so the user is a member
            return;
        }
        if (membership < 0) {
            out.accept(IssueBuilder.of(IssueCode.USER_MISSING_EXPECTED_MEMBERSHIP, account.account())
                    .org(org)
                    .user(user.id())
                    .current(memberships(user, resolution))
                    .relatedOrgs(memberOrgs(user, resolution))
                    .expected(org.toString())
                    .evidence(
                            "%s maps to %s by %s; not a member of its org %s",
                            user.email(),
                            account.account().id(),
                            u.rule().name().toLowerCase(java.util.Locale.ROOT),
                            org)
                    .value(org.toString())
                    .precondition("user_email", user.email())
                    .precondition("user_is_member", false)
                    .precondition("org_external_id", account.org().externalId())
                    .build());
            return;
        }
        if (account.account().id().equals(u.primary()) && !resolution.isDefaultOrgOf(user, org)) {
            ZendeskOrgId currentDefault = resolution.defaultOrgOf(user);
            out.accept(IssueBuilder.of(IssueCode.USER_DEFAULT_ORG_NOT_EXPECTED, account.account())
                    .org(org)
                    .user(user.id())
                    .current(currentDefault == null ? "" : currentDefault.toString())
                    .relatedOrgs(currentDefault == null ? List.of() : List.of(currentDefault))
                    .expected(org.toString())
                    .evidence(
                            "%s is a member of org %s (membership %s) but the default org is %s",
                            user.email(), org, membership, currentDefault == null ? "none" : currentDefault)
                    .membership(new MembershipId(membership))
                    .value(org.toString())
                    .precondition("default_org_id", currentDefault == null ? null : currentDefault.value())
                    .precondition("membership_id", membership)
                    .precondition("org_external_id", account.org().externalId())
                    .precondition("user_email", user.email())
                    .build());
        }
    }

    /** The orgs the user is a member of, as {@link #memberships} names them. */
    private static List<ZendeskOrgId> memberOrgs(User user, Resolution resolution) {
        return resolution.membershipsOf(user.id()).stream()
                .map(Membership::organizationId)
                .toList();
    }

    static String memberships(User user, Resolution resolution) {
        List<Membership> ms = resolution.membershipsOf(user.id());
        if (ms.isEmpty()) {
            return "(no memberships)";
        }
        return ms.stream()
                .map(m -> m.organizationId() + (m.isDefault() ? "*" : ""))
                .collect(Collectors.joining(" "));
    }
}
