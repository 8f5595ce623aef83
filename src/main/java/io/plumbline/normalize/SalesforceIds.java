package io.plumbline.normalize;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;

/**
 * Salesforce id rules: a 15-character Account Id ({@code 001} and 12 letters or digits) is converted
 * to its 18-character case-safe form by appending the checksum; other keys pass through unchanged.
 */
public final class SalesforceIds {
    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {}

    /** Validates a raw key and returns its canonical form; throws with the reason when invalid. */
    public static SalesforceAccountId canonical(String raw) {
        return new SalesforceAccountId(isAccountId15(raw) ? to18(raw) : raw);
    }

    /** True when {@code raw} is a 15-character Salesforce Account Id. */
    public static boolean isAccountId15(String raw) {
        if (raw == null || raw.length() != 15 || !raw.startsWith("001")) {
            return false;
        }
        for (int i = 3; i < 15; i++) {
            char c = raw.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an org's {@code externalId} names the account {@code accountId} as the audit matches them:
     * in any case and either Unicode form of an accented letter, or as the account's 15-character form
     * (case-sensitive, so its checksum agrees), spaces around it ignored.
     */
    public static boolean names(String externalId, String accountId) {
        return Texts.caseless(asAccountId(externalId)).equals(Texts.caseless(accountId));
    }

    /**
     * An org's {@code externalId} as the account id it names: spaces around it dropped, and a 15-character
     * Account Id given its 18-character form; any other value as it is.
     */
    public static String asAccountId(String externalId) {
        String id = externalId.strip();
        return isAccountId15(id) ? to18(id) : id;
    }

    /** Appends the three checksum characters to a 15-character Salesforce id. */
    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("not a 15-character Salesforce id: " + id15);
        }
        StringBuilder out = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int k = 0; k < 5; k++) {
                char c = id15.charAt(chunk * 5 + k);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << k;
                }
            }
            out.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return out.toString();
    }
}
