package io.plumbline.salesforce;

import io.plumbline.model.Account;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.normalize.SalesforceIds;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the Salesforce accounts reference CSV: required {@code sf_account_id, account_name,
 * account_domains}; optional {@code website, zendesk_domain_override, zendesk_org_id,
 * parent_account_id}. A blank, malformed or duplicate id stops the read with file, line and column.
 */
public final class AccountsCsvReader {
    public static final List<String> REQUIRED = List.of("sf_account_id", "account_name", "account_domains");
    public static final List<String> OPTIONAL =
            List.of("website", "zendesk_domain_override", "zendesk_org_id", "parent_account_id");

    private AccountsCsvReader() {}

    /** Reads {@code in}, whose columns that are not used go unsaid. */
    public static List<Account> read(InputStream in, String file) {
        return read(in, file, warning -> {});
    }

    /** Reads {@code in}, naming its columns that are not used in one warning to {@code warnings}. */
    public static List<Account> read(InputStream in, String file, Consumer<String> warnings) {
        List<Account> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        CsvTable.read(in, file, REQUIRED, OPTIONAL, warnings, row -> {
            SalesforceAccountId id = accountId(row, "sf_account_id");
            Long first = seen.putIfAbsent(id.matchKey(), row.line());
            if (first != null) {
                throw row.error(
                        "sf_account_id",
                        "duplicate sf_account_id " + asWritten(row, id) + " (first seen on line " + first + ")");
            }
            out.add(new Account(
                    id,
                    row.get("account_name"),
                    row.get("account_domains"),
                    row.get("website"),
                    row.get("zendesk_domain_override"),
                    row.get("zendesk_org_id"),
                    row.get("parent_account_id"),
                    row.line()));
        });
        return out;
    }

    /** The id as the row spells it, naming the 18-character form when the row has the 15-character one. */
    private static String asWritten(CsvTable.Row row, SalesforceAccountId id) {
        String raw = row.get("sf_account_id");
        return raw.equals(id.value()) ? CsvTable.shown(raw) : raw + ", the 15-character form of " + id;
    }

    /** Validates and canonicalizes an account id column of a row. */
    static SalesforceAccountId accountId(CsvTable.Row row, String column) {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            throw row.error(column, "blank " + column + "; every row needs the account's Salesforce id");
        }
        String problem = SalesforceAccountId.problemWith(raw);
        if (problem != null) {
            throw row.error(column, "malformed " + column + " '" + CsvTable.shown(raw) + "': " + problem);
        }
        return SalesforceIds.canonical(raw);
    }
}
