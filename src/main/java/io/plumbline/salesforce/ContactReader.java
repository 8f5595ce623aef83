package io.plumbline.salesforce;

import io.plumbline.model.Contact;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.normalize.SalesforceIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads which email belongs to which account. Where the org relates contacts to several accounts,
 * the active AccountContactRelation rows are read ({@code is_primary} = {@code IsDirect}); where that
 * object is not available, each Contact's own AccountId is read (always primary). Only accounts in
 * the pulled set are kept, one row per (email, account), sorted by email then account id. The query
 * repeats the account filter as a semi-join only to read fewer rows, and not when the filter holds a
 * subquery of its own: Salesforce refuses a semi-join inside another one.
 */
final class ContactReader {
    /** What was read: the contacts, and whether they came from AccountContactRelation. */
    record Result(List<Contact> contacts, boolean relations) {}

    private static final String RELATIONS = "AccountContactRelation";

    private ContactReader() {}

    static Result read(SalesforceApi api, String accountFilter, Set<String> accountKeys) {
        Map<String, Contact> merged = new TreeMap<>();
        String filter = SoqlNames.hasSubquery(accountFilter) ? "" : accountFilter;
        String scope = filter.isEmpty() ? "" : " AND AccountId IN (SELECT Id FROM Account WHERE (" + filter + "))";
        boolean relations = true;
        try {
            SoqlQuery query = new SoqlQuery(
                    RELATIONS,
                    List.of("AccountId", "IsDirect", "Contact.Email"),
                    "IsActive = true AND Contact.Email != null" + scope,
                    filter);
            RestQuery.run(
                    api,
                    query,
                    row -> add(
                            merged,
                            row.get("Contact.Email"),
                            row.get("AccountId"),
                            row.get("IsDirect").equalsIgnoreCase("true"),
                            accountKeys));
        } catch (SalesforceApiException e) {
            if (!e.errorCode().equals("INVALID_TYPE")) {
                throw e;
            }
            relations = false;
            merged.clear();
            SoqlQuery query = new SoqlQuery(
                    "Contact", List.of("Email", "AccountId"), "Email != null AND AccountId != null" + scope, filter);
            RestQuery.run(api, query, row -> add(merged, row.get("Email"), row.get("AccountId"), true, accountKeys));
        }
        List<Contact> contacts = new ArrayList<>(merged.values());
        contacts.sort(Comparator.comparing((Contact c) -> c.email().toLowerCase(Locale.ROOT))
                .thenComparing(Contact::accountId));
        return new Result(List.copyOf(contacts), relations);
    }

    private static void add(
            Map<String, Contact> merged, String email, String accountId, boolean primary, Set<String> accountKeys) {
        String e = email.strip();
        if (e.isEmpty() || accountId.isBlank()) {
            return;
        }
        SalesforceAccountId account = SalesforceIds.canonical(accountId.strip());
        if (!accountKeys.contains(account.matchKey())) {
            return;
        }
        String key = e.toLowerCase(Locale.ROOT) + "\n" + account.matchKey();
        Contact previous = merged.get(key);
        boolean isPrimary = primary || (previous != null && previous.primary());
        // the same address in several casings: keep the smallest, so row order never shows in the output
        String kept = previous == null || e.compareTo(previous.email()) < 0 ? e : previous.email();
        merged.put(key, new Contact(kept, account, isPrimary, 0));
    }
}
