package io.plumbline.detect;

import io.plumbline.model.Account;
import io.plumbline.model.MembershipId;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskTicketId;
import io.plumbline.model.ZendeskUserId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A fluent way for detectors to build an {@link Issue} field by field. */
final class IssueBuilder {
    private final IssueCode code;
    private final Account account;
    private ZendeskOrgId org;
    private ZendeskUserId user;
    private ZendeskTicketId ticket;
    private String current = "";
    private String expected = "";
    private String evidence = "";
    private MembershipId membership;
    private String value;
    private final Map<String, Object> preconditions = new TreeMap<>();
    private List<ZendeskOrgId> relatedOrgs = List.of();
    private List<SalesforceAccountId> relatedAccounts = List.of();

    private IssueBuilder(IssueCode code, Account account) {
        this.code = code;
        this.account = account;
    }

    static IssueBuilder of(IssueCode code, Account account) {
        return new IssueBuilder(code, account);
    }

    IssueBuilder org(ZendeskOrgId id) {
        this.org = id;
        return this;
    }

    IssueBuilder user(ZendeskUserId id) {
        this.user = id;
        return this;
    }

    IssueBuilder ticket(ZendeskTicketId id) {
        this.ticket = id;
        return this;
    }

    IssueBuilder current(String v) {
        this.current = v;
        return this;
    }

    IssueBuilder expected(String v) {
        this.expected = v;
        return this;
    }

    IssueBuilder evidence(String format, Object... args) {
        this.evidence = String.format(Locale.ROOT, format, args);
        return this;
    }

    IssueBuilder membership(MembershipId id) {
        this.membership = id;
        return this;
    }

    IssueBuilder value(String v) {
        this.value = v;
        return this;
    }

    /** The other orgs the row names in its values or evidence. */
    IssueBuilder relatedOrgs(List<ZendeskOrgId> ids) {
        this.relatedOrgs = ids;
        return this;
    }

    /** The other accounts the row names in its values or evidence. */
    IssueBuilder relatedAccounts(List<SalesforceAccountId> ids) {
        this.relatedAccounts = ids;
        return this;
    }

    IssueBuilder precondition(String name, Object v) {
        preconditions.put(name, v);
        return this;
    }

    Issue build() {
        ActionDraft draft =
                code.status() == IssueStatus.DETECTED ? null : new ActionDraft(membership, value, preconditions);
        return new Issue(
                "",
                code,
                account == null ? null : account.id(),
                account == null ? "" : account.name(),
                org,
                user,
                ticket,
                current,
                expected,
                evidence,
                draft,
                relatedOrgs,
                relatedAccounts);
    }
}
