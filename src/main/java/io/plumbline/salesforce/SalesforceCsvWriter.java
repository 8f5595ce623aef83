package io.plumbline.salesforce;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.plumbline.errors.InputException;
import io.plumbline.files.AtomicFiles;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Writes pulled accounts and contacts in the snapshot's CSV formats, exactly as {@link
 * AccountsCsvReader} and {@link ContactsCsvReader} read them: UTF-8 without BOM, RFC 4180 quoting,
 * {@code \n} line ends, rows sorted by account id (contacts arrive sorted). These are input files, so
 * values are written verbatim (no spreadsheet neutralization, which would change the data). Each
 * file is written beside its target and moved into place, so a failed pull leaves no partial file.
 */
final class SalesforceCsvWriter {
    static final List<String> ACCOUNT_HEADER = List.of(
            "sf_account_id",
            "account_name",
            "account_domains",
            "website",
            "zendesk_domain_override",
            "zendesk_org_id",
            "parent_account_id");
    static final List<String> CONTACT_HEADER = List.of("email", "sf_account_id", "is_primary");

    private SalesforceCsvWriter() {}

    static void writeAccounts(Path file, List<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(Comparator.comparing(Account::id));
        write(
                file,
                ACCOUNT_HEADER,
                sorted,
                a -> List.of(
                        a.id().value(),
                        a.name().strip(),
                        a.accountDomains(),
                        a.website(),
                        a.domainOverride(),
                        a.storedOrgId(),
                        a.parentAccountId()));
    }

    static void writeContacts(Path file, List<Contact> contacts) {
        write(
                file,
                CONTACT_HEADER,
                contacts,
                c -> List.of(c.email(), c.accountId().value(), Boolean.toString(c.primary())));
    }

    private static <T> void write(Path file, List<String> header, List<T> rows, Function<T, List<String>> cells) {
        try {
            AtomicFiles.replace(file, partial -> {
                try (CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(partial, StandardCharsets.UTF_8)) {
                    csv.writeRecord(header);
                    for (T row : rows) {
                        csv.writeRecord(cells.apply(row));
                    }
                }
            });
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot write: " + e.getMessage(), e);
        }
    }
}
