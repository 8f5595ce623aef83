package io.plumbline.resolve;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.normalize.SalesforceIds;
import java.util.Locale;

/**
 * How an org's external_id is compared with account ids: case-insensitively, as Zendesk does, with a
 * 15-character Account Id on the org first converted to its 18-character form (and flagged).
 */
public record ExternalIdKey(String key, boolean fifteenCharacterForm) {
    /** The comparison key of an org's raw external_id. */
    public static ExternalIdKey ofOrgExternalId(String externalId) {
        if (SalesforceIds.isAccountId15(externalId)) {
            return new ExternalIdKey(SalesforceIds.to18(externalId).toLowerCase(Locale.ROOT), true);
        }
        return new ExternalIdKey(externalId.toLowerCase(Locale.ROOT), false);
    }

    /** The comparison key of an account. */
    public static String ofAccount(SalesforceAccountId id) {
        return id.matchKey();
    }
}
