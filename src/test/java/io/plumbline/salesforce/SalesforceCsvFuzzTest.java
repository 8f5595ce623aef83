package io.plumbline.salesforce;

import static io.plumbline.fuzz.FuzzChecks.check;
import static io.plumbline.fuzz.FuzzChecks.checkDiagnostic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.plumbline.errors.InputException;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.normalize.SalesforceIds;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzz targets for the Salesforce CSV readers: on any bytes they either return well-formed records or
 * throw an {@link InputException} that reads as a diagnostic; never any other exception. Seeds live in
 * {@code src/test/resources/io/plumbline/salesforce/SalesforceCsvFuzzTestInputs/}.
 */
class SalesforceCsvFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void accounts(byte[] data) {
        if (data == null) {
            return;
        }
        List<Account> accounts;
        try {
            accounts = AccountsCsvReader.read(new ByteArrayInputStream(data), "accounts.csv");
        } catch (InputException e) {
            checkDiagnostic(e, "accounts.csv");
            return;
        }
        Set<String> keys = new HashSet<>();
        long previousLine = 1;
        for (Account a : accounts) {
            checkId(a.id());
            check(keys.add(a.id().matchKey()), "duplicate id returned: %s", a.id());
            check(a.sourceLine() > previousLine, "lines not increasing: %s after %s", a.sourceLine(), previousLine);
            previousLine = a.sourceLine();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void contacts(byte[] data) {
        if (data == null) {
            return;
        }
        List<Contact> contacts;
        try {
            contacts = ContactsCsvReader.read(new ByteArrayInputStream(data), "contacts.csv");
        } catch (InputException e) {
            checkDiagnostic(e, "contacts.csv");
            return;
        }
        for (Contact c : contacts) {
            check(!c.email().isEmpty() && c.email().equals(c.email().strip()), "unstripped email: '%s'", c.email());
            checkId(c.accountId());
        }
    }

    private static void checkId(SalesforceAccountId id) {
        check(SalesforceAccountId.problemWith(id.value()) == null, "invalid id returned: %s", id);
        check(!SalesforceIds.isAccountId15(id.value()), "15-character id not converted: %s", id);
    }
}
