package io.plumbline.resolve;

import io.plumbline.model.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contact rows that cannot be used, said in one warning per reason (an email that is not an email
 * address, an account not among the accounts) with their count and the first of them in the contacts'
 * order, so that a contacts export of every account in the org is a line in the readout and the
 * receipt, not a warning per row. The same contacts give the same text.
 */
final class UnusedContacts {
    /** The contract's name of the file contacts are read from (a live pull writes it too). */
    private static final String FILE = "salesforce_contacts.csv";

    private final Reason badEmails = new Reason();
    private final Reason unknownAccounts = new Reason();

    /** Notes a contact whose email is not an email address. */
    void badEmail(Contact c) {
        badEmails.add(c);
    }

    /** Notes a contact whose account is not among the accounts. */
    void unknownAccount(Contact c) {
        unknownAccounts.add(c);
    }

    /** The warnings, one per reason met. */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (badEmails.count > 0) {
            Contact c = badEmails.first;
            out.add(
                    badEmails.count == 1
                            ? FILE + ": 1 contact's email is not an email address (" + where(c, "'" + c.email() + "'")
                                    + "); it is not used"
                            : FILE + ": " + count(badEmails.count)
                                    + " contacts' emails are not email addresses (first: "
                                    + where(c, "'" + c.email() + "'") + "); they are not used");
        }
        if (unknownAccounts.count > 0) {
            Contact c = unknownAccounts.first;
            out.add(
                    unknownAccounts.count == 1
                            ? FILE + ": 1 contact names an account not among the accounts ("
                                    + where(c, "account " + c.accountId()) + "); it is not used"
                            : FILE + ": " + count(unknownAccounts.count)
                                    + " contacts name accounts not among the accounts " + "(first: "
                                    + where(c, "account " + c.accountId()) + "); they are not used");
        }
        return out;
    }

    /** The contact's line, when it was read from one, then {@code what}. */
    private static String where(Contact c, String what) {
        return c.sourceLine() > 0 ? "line " + c.sourceLine() + ", " + what : what;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** How many contacts one reason leaves unused, and the first. */
    private static final class Reason {
        private long count;
        private Contact first;

        void add(Contact c) {
            first = first == null ? c : first;
            count++;
        }
    }
}
