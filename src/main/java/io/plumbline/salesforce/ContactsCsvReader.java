package io.plumbline.salesforce;

import io.plumbline.model.Contact;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the optional Salesforce contacts CSV: {@code email, sf_account_id[, is_primary]}, one row per
 * contact-account relation. Rows with a blank email are skipped (contacts without email cannot match),
 * and so are rows with a blank {@code sf_account_id} (a contact of no account, as Salesforce's private
 * contacts are, maps nobody to an account).
 */
public final class ContactsCsvReader {
    public static final List<String> REQUIRED = List.of("email", "sf_account_id");
    public static final List<String> OPTIONAL = List.of("is_primary");
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "");

    private ContactsCsvReader() {}

    /** Reads {@code in}, whose columns that are not used go unsaid. */
    public static List<Contact> read(InputStream in, String file) {
        return read(in, file, warning -> {});
    }

    /** Reads {@code in}, naming its columns that are not used in one warning to {@code warnings}. */
    public static List<Contact> read(InputStream in, String file, Consumer<String> warnings) {
        List<Contact> out = new ArrayList<>();
        // the first row of an email but no account: when no row has an account, the column is the wrong one
        RuntimeException[] noAccount = {null};
        boolean[] someAccount = {false};
        CsvTable.read(in, file, REQUIRED, OPTIONAL, warnings, row -> {
            boolean blankAccount = row.get("sf_account_id").isBlank();
            someAccount[0] |= !blankAccount;
            String email = row.get("email");
            if (email.isEmpty()) {
                return;
            }
            if (blankAccount) {
                if (noAccount[0] == null) {
                    noAccount[0] = row.error(
                            "sf_account_id",
                            "every contact's sf_account_id is blank, so no contact maps anyone to an account; is the "
                                    + "account id in another column of the export?");
                }
                return;
            }
            out.add(new Contact(email, AccountsCsvReader.accountId(row, "sf_account_id"), primary(row), row.line()));
        });
        if (!someAccount[0] && noAccount[0] != null) {
            throw noAccount[0];
        }
        return out;
    }

    private static boolean primary(CsvTable.Row row) {
        String v = row.get("is_primary").toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw row.error("is_primary", "is_primary must be true or false, found '" + CsvTable.shown(v) + "'");
    }
}
