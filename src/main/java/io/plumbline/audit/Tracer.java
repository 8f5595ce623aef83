package io.plumbline.audit;

import io.plumbline.detect.Issue;
import io.plumbline.detect.TicketIssueDetector;
import io.plumbline.model.Account;
import io.plumbline.model.Domain;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.DomainNormalizer;
import io.plumbline.normalize.Emails;
import io.plumbline.plan.PlannedAction;
import io.plumbline.resolve.AccountOutcome;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.ExternalIdKey;
import io.plumbline.resolve.OrgIndex;
import io.plumbline.resolve.OrgNames;
import io.plumbline.resolve.UserResolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Explains one record of an audit step by step: its fields, each resolution step and the rule that
 * decided, and every issue and action that touches it: each issue that names the record in any column
 * (also as the other party, such as the second org carrying a duplicate external_id), and each action
 * on the record or standing for one of those issues. Returns lines of text; empty when the record is
 * not in the audit's input.
 */
public final class Tracer {
    private final AuditResult result;

    public Tracer(AuditResult result) {
        this.result = result;
    }

    public Optional<List<String>> account(SalesforceAccountId id) {
        // the same account when equal ignoring case, as everywhere else
        AccountResolution r = Optional.ofNullable(result.resolution().account(id))
                .orElseGet(() -> result.resolution().accounts().values().stream()
                        .filter(x -> x.account().id().matchKey().equals(id.matchKey()))
                        .findFirst()
                        .orElse(null));
        if (r == null) {
            return Optional.empty();
        }
        Account a = r.account();
        List<String> out = new ArrayList<>();
        out.add("Salesforce account " + a.id() + " '" + a.name() + "'"
                + (a.sourceLine() > 0 ? " (accounts CSV line " + a.sourceLine() + ")" : ""));
        out.add("  account_domains: " + orNone(DomainNormalizer.withoutPassword(a.accountDomains())) + " | website: "
                + orNone(DomainNormalizer.withoutPassword(a.website())));
        out.add("  zendesk_domain_override: " + orNone(DomainNormalizer.withoutPassword(a.domainOverride()))
                + " | zendesk_org_id: " + orNone(a.storedOrgId()));
        // the reason says what the token is: a personal domain such as gmail.com is a domain, left out
        r.expected()
                .corrupted()
                .forEach(t -> out.add("  ignored: " + t.field() + " '" + t.token() + "' (" + t.problem() + ")"));
        steps(out, r.steps());
        out.add("  Decided by: " + r.rule().label() + ": " + decision(r));
        if (r.outcome() == AccountOutcome.NO_ORG) {
            deletedOrgsOf(r).forEach(out::add);
        }
        touching(out, i -> i.names(a.id()), a2 -> a.id().equals(a2.accountId()), a.id());
        return Optional.of(out);
    }

    /**
     * The deleted orgs that carry the account's id as their external_id or hold one of its expected domains,
     * worded: an account left without an org may have lost it to a deletion, which restoring it undoes.
     */
    private List<String> deletedOrgsOf(AccountResolution r) {
        List<String> out = new ArrayList<>();
        for (Organization org : result.resolution().orgs().deletedOrgs()) {
            DeletedLink link = DeletedLink.of(org, OrgIndex.domainsOf(org), r);
            if (link.any()) {
                out.add("  deleted org " + org.id() + " '" + org.name() + "' (deleted " + org.deletedAt() + ") "
                        + (link.carriesId() ? "carries external_id " + org.externalId() : "")
                        + (link.carriesId() && !link.held().isEmpty() ? " and " : "")
                        + (link.held().isEmpty() ? "" : "holds " + String.join(", ", link.held()))
                        + ": deleted orgs take no part in resolution; if it was deleted by mistake, restore it in "
                        + "Zendesk and audit again");
            }
        }
        return out;
    }

    /**
     * How a deleted org points to an account although it takes no part in resolution: it carries the
     * account's id as its external_id ({@code carriesId}), or holds some of its expected domains ({@code held}).
     */
    private record DeletedLink(boolean carriesId, List<String> held) {
        /** The link of {@code org}, holding {@code orgDomains} (normalized once by the caller), to {@code r}. */
        static DeletedLink of(Organization org, List<Domain> orgDomains, AccountResolution r) {
            boolean carriesId = org.hasExternalId()
                    && ExternalIdKey.ofOrgExternalId(org.externalId())
                            .key()
                            .equals(ExternalIdKey.ofAccount(r.account().id()));
            List<String> held = orgDomains.stream()
                    .filter(Domain.anyOf(r.expected().domains()))
                    .map(Domain::value)
                    .toList();
            return new DeletedLink(carriesId, held);
        }

        boolean any() {
            return carriesId || !held.isEmpty();
        }
    }

    /**
     * Every Zendesk user with this email address (compared normalized): one trace, or, when a snapshot
     * holds several users with the address, a line naming them and then each one's trace.
     */
    public Optional<List<String>> userByEmail(String email) {
        String key = emailKey(email);
        List<ZendeskUserId> ids = result.resolution().users().values().stream()
                .filter(u -> emailKey(u.user().email()).equals(key))
                .map(u -> u.user().id())
                .toList();
        if (ids.size() < 2) {
            return ids.isEmpty() ? Optional.empty() : user(ids.get(0));
        }
        List<String> out = new ArrayList<>();
        out.add(ids.size() + " Zendesk users have the email " + key + ": "
                + String.join(", ", ids.stream().map(ZendeskUserId::toString).toList()));
        for (ZendeskUserId id : ids) {
            out.add("");
            out.addAll(user(id).orElseThrow());
        }
        return Optional.of(out);
    }

    static String emailKey(String email) {
        return Emails.normalize(email).orElse(Texts.caseless(email.strip()));
    }

    public Optional<List<String>> user(ZendeskUserId id) {
        UserResolution u = result.resolution().users().get(id);
        if (u == null) {
            return Optional.empty();
        }
        User user = u.user();
        List<String> out = new ArrayList<>();
        out.add("Zendesk user " + user.id() + " " + user.email() + " '" + user.name() + "'");
        out.add("  role " + orNone(user.role()) + ", active " + user.active() + ", suspended " + user.suspended()
                + ", default org " + orNone(String.valueOf(result.resolution().defaultOrgOf(user))));
        List<Membership> ms = result.resolution().membershipsOf(id);
        out.add("  memberships: "
                + (ms.isEmpty()
                        ? "(none)"
                        : String.join(", ", ms.stream().map(this::membership).toList())));
        steps(out, u.steps(!result.resolution().snapshot().contacts().isEmpty()));
        for (SalesforceAccountId account : u.accounts()) {
            AccountResolution r = result.resolution().account(account);
            out.add("  account " + account + " '" + r.account().name() + "': " + outcome(r));
        }
        touching(out, i -> i.names(id), a -> id.equals(a.userId()), null);
        return Optional.of(out);
    }

    /** What an account's deciding rule decided, in words: {@code resolved to org 9001 'Acme'}. */
    private static String decision(AccountResolution r) {
        String org = r.org() != null ? " org " + r.org().id() + " '" + r.org().name() + "'" : "";
        return switch (r.outcome()) {
            case RESOLVED -> "resolved to" + org;
            case BLOCKED_DUPLICATE -> "blocked, as more than one org carries its external_id";
            case CONFLICT -> "blocked, as its org links conflict" + (org.isEmpty() ? "" : " at" + org);
            case NO_ORG -> "no Zendesk org";
        };
    }

    /** An account's outcome in words, with the rule that decided it: {@code resolved to org 9001 'Acme' (rule 2, external id)}. */
    private static String outcome(AccountResolution r) {
        return decision(r) + " (" + r.rule().label() + ")";
    }

    private String membership(Membership m) {
        return "org " + m.organizationId()
                + (m.isDefault() ? " (default)" : "")
                + (result.resolution().orgs().any(m.organizationId()) != null
                        ? ""
                        : " (not in the organizations export)")
                + " [membership " + m.id() + "]";
    }

    public Optional<List<String>> org(ZendeskOrgId id) {
        Organization org = result.resolution().orgs().any(id);
        if (org == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        out.add("Zendesk org " + org.id() + " '" + org.name() + "'"
                + (org.deleted() ? " (deleted " + org.deletedAt() + ")" : ""));
        out.add("  external_id: " + orNone(org.externalId()) + " | domain_names: "
                + (org.domainNames().isEmpty() ? "(none)" : String.join(" ", org.domainNames())));
        out.add("Resolution");
        if (org.deleted()) {
            out.add("  deleted orgs take no part in resolution: no account resolves to it by its id, external_id "
                    + "or domains");
        }
        int mentions = 0;
        List<Domain> deletedOrgDomains = org.deleted() ? OrgIndex.domainsOf(org) : List.of();
        for (AccountResolution r : result.resolution().accounts().values()) {
            String role = org.deleted()
                    ? pointing(r, org, deletedOrgDomains)
                    : worded(r, OrgNames.roleOf(result.resolution(), r, id));
            if (role != null) {
                mentions++;
                out.add("  account " + r.account().id() + " '" + r.account().name() + "': " + role);
            }
        }
        if (mentions == 0 && !org.deleted()) {
            out.add("  no account resolves to this org or names it as a candidate");
        }
        touching(out, i -> i.names(id), a -> id.equals(a.orgId()), null);
        return Optional.of(out);
    }

    /**
     * How account {@code r} points to the deleted {@code org}, with what the account resolved to instead;
     * null when it does not. The account's own trace names the deleted org (when it has no org), so the
     * org's trace names the account back.
     */
    private static String pointing(AccountResolution r, Organization org, List<Domain> orgDomains) {
        DeletedLink link = DeletedLink.of(org, orgDomains, r);
        List<String> ways = new ArrayList<>();
        if (link.carriesId()) {
            ways.add("carries its external_id");
        }
        if (!link.held().isEmpty()) {
            ways.add("holds its expected " + (link.held().size() == 1 ? "domain " : "domains ")
                    + String.join(", ", link.held()));
        }
        Long stored = OrgNames.storedOrgId(r.account().storedOrgId());
        if (stored != null && stored == org.id().value()) {
            ways.add("stores this org id");
        }
        if (ways.isEmpty()) {
            return null;
        }
        return String.join(" and ", ways) + "; the account "
                + (r.resolved()
                        ? "resolves to org " + r.org().id() + " '" + r.org().name() + "' ("
                                + r.rule().label() + ")"
                        : lacksOrg(r));
    }

    /**
     * A ticket of the lookback window: its fields, whether it is checked, its requester's resolution and
     * the issues of the ticket. Empty when the audit holds no such ticket (the tickets outside the window
     * are counted but not kept), which the caller words.
     */
    public Optional<List<String>> ticket(ZendeskTicketId id) {
        Ticket t = null;
        for (Ticket each : result.resolution().snapshot().tickets()) {
            if (each.id().equals(id)) {
                t = each;
                break;
            }
        }
        if (t == null) {
            return Optional.empty();
        }
        Instant windowStart = result.resolution().ticketWindowStart();
        List<String> out = new ArrayList<>();
        out.add("Zendesk ticket " + t.id() + " (status " + orNone(t.status()) + ")");
        out.add("  requester: " + (t.requesterId() == null ? "(none)" : "user " + t.requesterId()) + " | org: "
                + (t.organizationId() == null ? "(none)" : t.organizationId().toString()) + " | created "
                + t.createdAt() + ", updated " + t.updatedAt());
        out.add("Resolution");
        // worded by the activity date alone: a deleted ticket is in the window by date, only not checked
        Instant at = t.activityAt();
        boolean byDate = at != null && !at.isBefore(windowStart);
        out.add("  " + (byDate ? "in" : "not in") + " the ticket window (activity from " + windowStart + " on)"
                + (Ticket.DELETED.equals(t.status()) ? "; deleted, so not checked" : ""));
        UserResolution u =
                t.requesterId() == null ? null : result.resolution().users().get(t.requesterId());
        if (t.requesterId() != null && u == null) {
            out.add("  requester " + t.requesterId() + " is not among the end-users read, so the ticket has no "
                    + "expected org");
        } else if (u != null && !u.mapped()) {
            out.add("  requester " + u.user().email() + " maps to no account, so the ticket has no expected org"
                    + " (trace --zendesk-user-id " + u.user().id() + " says why)");
        } else if (u != null) {
            for (SalesforceAccountId account : u.accounts()) {
                AccountResolution r = result.resolution().account(account);
                out.add("  requester " + u.user().email() + " maps to " + account + " '"
                        + r.account().name() + "'"
                        + (u.accounts().size() > 1 && account.equals(u.primary()) ? " (primary)" : "") + ": "
                        + outcome(r));
            }
        }
        out.add("  Decided: " + verdict(t, TicketIssueDetector.judge(t, result.resolution())));
        touching(out, i -> id.equals(i.ticketId()), a -> false, null);
        return Optional.of(out);
    }

    /** What the ticket detector decided for {@code t}, in words. */
    private static String verdict(Ticket t, TicketIssueDetector.Judgement j) {
        String orgs = j.expected().stream().map(ZendeskOrgId::toString).collect(Collectors.joining(" or "));
        return switch (j.verdict()) {
            case NOT_CHECKED ->
                "not checked (" + (Ticket.DELETED.equals(t.status()) ? "deleted" : "outside the ticket window") + ")";
            case NO_EXPECTATION -> "no expected org, so not checked";
            case ON_EXPECTED_ORG -> "on an expected org (" + orgs + ")";
            case BLOCKED ->
                "review-only: the org of " + j.account().account().id()
                        + " is ambiguous (more than one org carries its external_id)";
            case NO_KNOWN_ORG ->
                "no expected org, so not checked: its account " + named(j.account()) + " " + lacksOrg(j.account());
            case UNDECIDED ->
                "not judged: the requester also maps to " + named(j.account()) + ", which " + lacksOrg(j.account())
                        + ", and no primary contact decides which account the ticket is of";
            case MISMATCH ->
                "expected org " + orgs + ", but the ticket is on "
                        + (t.organizationId() == null ? "no org" : "org " + t.organizationId());
        };
    }

    private static String named(AccountResolution r) {
        return r.account().id() + " '" + r.account().name() + "'";
    }

    /** Why an account that is not resolved has no org to expect: {@code has no Zendesk org (rule 4, no org)}. */
    private static String lacksOrg(AccountResolution r) {
        String why = switch (r.outcome()) {
            case NO_ORG -> "has no Zendesk org";
            case CONFLICT -> "has conflicting org links";
            case BLOCKED_DUPLICATE -> "has more than one org carrying its external_id";
            case RESOLVED -> "is resolved";
        };
        return why + " (" + r.rule().label() + ")";
    }

    /** How account {@code r} names the org, in words; null when it does not. */
    private static String worded(AccountResolution r, OrgNames.Role role) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case ORG ->
                (r.resolved() ? "resolved to it by " : "contested candidate by ")
                        + r.rule().label();
            case EXTERNAL_ID ->
                "carries its external_id ("
                        + switch (r.outcome()) {
                            case RESOLVED -> "resolved";
                            case BLOCKED_DUPLICATE -> "blocked: more than one org carries it";
                            case CONFLICT -> "blocked: its org links conflict";
                            case NO_ORG -> "no org";
                        }
                        + ")";
            case DOMAIN -> "holds one of its expected domains";
            case SHARED_DOMAIN -> "holds an expected domain it shares with other accounts";
            case STORED_ID -> "stores this org id";
        };
    }

    private static void steps(List<String> out, List<String> steps) {
        out.add("Resolution");
        for (int i = 0; i < steps.size(); i++) {
            out.add(String.format(Locale.ROOT, "  %d. %s", i + 1, steps.get(i)));
        }
    }

    /**
     * Lists the issues that name the record in any column, then the actions that write to it or that
     * stand for one of those issues (a blocked action on another org, say, blocked because of it). For
     * an account ({@code account} not null), the issues and actions of other accounts that name it are
     * counted apart and each says whose it is, so the count of its own matches the review queue.
     */
    private void touching(
            List<String> out,
            Predicate<Issue> issueFilter,
            Predicate<PlannedAction> actionFilter,
            SalesforceAccountId account) {
        List<Issue> issues = result.issues().stream().filter(issueFilter).toList();
        Set<String> issueIds = issues.stream().map(Issue::issueId).collect(Collectors.toSet());
        long others = account == null
                ? 0
                : issues.stream().filter(i -> !account.equals(i.accountId())).count();
        out.add("Issues (" + issues.size()
                + (others == 0
                        ? ""
                        : ": " + (issues.size() - others) + " of this account, " + others + " of "
                                + (others == 1 ? "another account that names it" : "other accounts that name it"))
                + ")");
        for (Issue i : issues) {
            out.add("  " + i.issueId() + " " + i.code().code() + " ["
                    + i.code().risk().code() + ", " + i.code().status().code()
                    + (i.code().blockedReason().isEmpty() ? "" : ": " + i.code().blockedReason()) + "]"
                    + (i.orgId() != null ? " org " + i.orgId() : "") + (i.userId() != null ? " user " + i.userId() : "")
                    + (i.ticketId() != null ? " ticket " + i.ticketId() : "")
                    + whose(account, i.accountId()));
            out.add("      why: " + i.evidence());
            out.add("      next: " + i.code().recommendedAction());
        }
        List<PlannedAction> actions = result.plan().actions().stream()
                .filter(a -> actionFilter.test(a) || a.issueIds().stream().anyMatch(issueIds::contains))
                .toList();
        out.add("Actions (" + actions.size() + ")");
        for (PlannedAction a : actions) {
            out.add("  " + a.actionId() + " " + a.code().code() + " "
                    + a.status().code()
                    + (a.blockedReason().isEmpty() ? "" : " (" + a.blockedReason() + ")")
                    + (a.orgId() != null ? " org " + a.orgId() : "") + (a.userId() != null ? " user " + a.userId() : "")
                    + (a.value().isEmpty() ? "" : " value " + a.value()) + " for " + String.join(" ", a.issueIds())
                    + whose(account, a.accountId()));
        }
    }

    /** For an account's trace, whose an issue or action of another account is; else nothing. */
    private String whose(SalesforceAccountId traced, SalesforceAccountId of) {
        if (traced == null || of == null || traced.equals(of)) {
            return "";
        }
        AccountResolution r = result.resolution().account(of);
        return " (of account " + of + (r == null ? "" : " '" + r.account().name() + "'") + ")";
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() || s.equals("null") ? "(none)" : s;
    }
}
