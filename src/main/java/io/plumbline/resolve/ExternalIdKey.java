package io.plumbline.resolve;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.normalize.SalesforceIds;

/**
 * How an org's external_id is compared with account ids: case-insensitively, as Zendesk does, and in one
 * Unicode form ({@link SalesforceAccountId#matchKey}), with a
 * 15-character Account Id on the org first converted to its 18-character form, and spaces around the
 * value ignored; either is flagged, since the org does not carry the id as Salesforce writes it.
 */
public record ExternalIdKey(String key, boolean fifteenCharacterForm, boolean padded) {
    /** The comparison key of an org's raw external_id. */
    public static ExternalIdKey ofOrgExternalId(String externalId) {
        String id = Texts.strip(externalId); // no-break spaces too, as a value pasted from a page has them
        return new ExternalIdKey(
                Texts.caseless(SalesforceIds.asAccountId(id)),
                SalesforceIds.isAccountId15(id),
                id.length() != externalId.length());
    }

    /** The comparison key of an account. */
    public static String ofAccount(SalesforceAccountId id) {
        return id.matchKey();
    }

    /** Whether the org carries the id otherwise than as Salesforce writes it. */
    public boolean notCanonical() {
        return fifteenCharacterForm || padded;
    }

    /** How the org carries the id otherwise than as Salesforce writes it, for evidence: "the 15-character form ...". */
    public String howNotCanonical() {
        String form = fifteenCharacterForm ? "the 15-character form of the Account Id" : "the Account Id";
        return padded ? form + " with spaces around it" : form;
    }
}
