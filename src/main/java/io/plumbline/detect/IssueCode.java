package io.plumbline.detect;

import static io.plumbline.detect.IssueStatus.BLOCKED;
import static io.plumbline.detect.IssueStatus.DETECTED;
import static io.plumbline.detect.IssueStatus.PREPARED;
import static io.plumbline.detect.Risk.CRITICAL;
import static io.plumbline.detect.Risk.HIGH;
import static io.plumbline.detect.Risk.LOW;
import static io.plumbline.detect.Risk.MEDIUM;

import io.plumbline.model.ActionCode;
import java.util.Locale;

/**
 * Every issue Plumbline reports, each knowing its scope, risk, outcome, the action it prepares or
 * blocks, the blocked reason and what the operator should do. Codes never change meaning.
 */
public enum IssueCode {
    ORG_DUPLICATE_EXTERNAL_ID(
            Scope.ORG,
            CRITICAL,
            BLOCKED,
            ActionCode.SET_ORG_EXTERNAL_ID,
            "duplicate_external_id",
            "Pick the surviving org in Zendesk, clear or correct external_id on the others, then re-run the audit."),
    ORG_MISSING_EXTERNAL_ID(
            Scope.ORG,
            HIGH,
            PREPARED,
            ActionCode.SET_ORG_EXTERNAL_ID,
            "",
            "Apply set_org_external_id to link the org to its Salesforce account."),
    ORG_EXTERNAL_ID_CONFLICT(
            Scope.ORG,
            HIGH,
            BLOCKED,
            ActionCode.SET_ORG_EXTERNAL_ID,
            "external_id_conflict",
            "Decide which account owns the org; correct its external_id in Zendesk or the stored org id in Salesforce, then re-run."),
    /**
     * The org the account's rules lead to has a blank external_id, yet is contested: another account
     * claims it too (by stored org id or domain), or the account's stored org id and another org's
     * external_id disagree. Not {@link #ORG_EXTERNAL_ID_CONFLICT}, whose org carries another value.
     */
    ORG_CLAIM_CONTESTED(
            Scope.ORG,
            HIGH,
            BLOCKED,
            ActionCode.SET_ORG_EXTERNAL_ID,
            "org_claim_contested",
            "Decide which account owns the org; correct the stored org id or the domains in Salesforce so that one account claims it, then re-run."),
    ORG_MISSING_EXPECTED_DOMAIN(
            Scope.ORG,
            MEDIUM,
            PREPARED,
            ActionCode.ADD_ORG_DOMAIN,
            "",
            "Apply add_org_domain to add the expected domain to the org."),
    ORG_DOMAIN_ATTACHED_ELSEWHERE(
            Scope.ORG,
            HIGH,
            BLOCKED,
            ActionCode.ADD_ORG_DOMAIN,
            "domain_belongs_to_other_org",
            "Decide which org owns the domain: remove it from the other org in Zendesk, or fix the account's domains in Salesforce."),
    ACCOUNT_MISSING_ZENDESK_ORG(
            Scope.ACCOUNT,
            HIGH,
            BLOCKED,
            ActionCode.SET_ORG_EXTERNAL_ID,
            "no_target_org",
            "Create the org in Zendesk with external_id set to the account id, or relink an existing org, then re-run."),
    ORG_ORPHANED(
            Scope.ORG,
            LOW,
            DETECTED,
            null,
            "",
            "Link the org to its Salesforce account (set external_id) or retire it in Zendesk."),
    ACCOUNT_DOMAIN_FIELD_CORRUPTED(
            Scope.ACCOUNT,
            MEDIUM,
            DETECTED,
            null,
            "",
            "Fix the field in Salesforce: it holds a value that is not a company domain."),
    ACCOUNT_DOMAIN_SHARED(
            Scope.ACCOUNT,
            MEDIUM,
            DETECTED,
            null,
            "",
            "Decide in Salesforce which account owns the domain; a shared domain is never added to an org."),
    ACCOUNT_STORED_ORG_ID_STALE(
            Scope.ACCOUNT,
            MEDIUM,
            DETECTED,
            null,
            "",
            "Update the stored Zendesk org id on the account in Salesforce."),
    ORG_EXTERNAL_ID_NOT_CANONICAL(
            Scope.ORG,
            LOW,
            DETECTED,
            null,
            "",
            "Replace the external_id with the 18-character Account Id, exactly as Salesforce writes it, in Zendesk."),
    USER_MISSING_EXPECTED_MEMBERSHIP(
            Scope.USER,
            MEDIUM,
            PREPARED,
            ActionCode.ASSIGN_USER_TO_ORG,
            "",
            "Apply assign_user_to_org to add the membership (the default org is not changed)."),
    USER_DEFAULT_ORG_NOT_EXPECTED(
            Scope.USER,
            MEDIUM,
            PREPARED,
            ActionCode.MOVE_USER_TO_ORG,
            "",
            "Apply move_user_to_org to make the expected org the user's default."),
    USER_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID(
            Scope.USER,
            HIGH,
            BLOCKED,
            ActionCode.ASSIGN_USER_TO_ORG,
            "duplicate_external_id",
            "Resolve the account's duplicate external_id first, then re-run the audit."),
    USER_DOMAIN_AMBIGUOUS(
            Scope.USER,
            MEDIUM,
            BLOCKED,
            ActionCode.ASSIGN_USER_TO_ORG,
            "user_domain_ambiguous",
            "Add a Salesforce contact for the user, or make the domain belong to one account only."),
    TICKET_ORG_MISMATCH(
            Scope.TICKET,
            MEDIUM,
            DETECTED,
            null,
            "",
            "Review the ticket's organization in Zendesk; fix the user's org first. Plumbline never writes tickets."),
    TICKET_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID(
            Scope.TICKET,
            MEDIUM,
            DETECTED,
            null,
            "",
            "Resolve the account's duplicate external_id first; ticket attribution cannot be trusted until then.");

    private final Scope scope;
    private final Risk risk;
    private final IssueStatus status;
    private final ActionCode action;
    private final String blockedReason;
    private final String recommendedAction;
    /** The name as artifacts and receipts write it (lowercase), made once. */
    private final String code = name().toLowerCase(Locale.ROOT);

    IssueCode(
            Scope scope,
            Risk risk,
            IssueStatus status,
            ActionCode action,
            String blockedReason,
            String recommendedAction) {
        this.scope = scope;
        this.risk = risk;
        this.status = status;
        this.action = action;
        this.blockedReason = blockedReason;
        this.recommendedAction = recommendedAction;
    }

    public String code() {
        return code;
    }

    public Scope scope() {
        return scope;
    }

    public Risk risk() {
        return risk;
    }

    public IssueStatus status() {
        return status;
    }

    /** The action prepared (or blocked) for this issue; null when the issue is detection only. */
    public ActionCode action() {
        return action;
    }

    public String blockedReason() {
        return blockedReason;
    }

    public String recommendedAction() {
        return recommendedAction;
    }
}
