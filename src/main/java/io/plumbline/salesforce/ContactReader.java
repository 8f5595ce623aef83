package io.plumbline.salesforce;

import io.plumbline.model.Contact;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
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

    /**
     * Reads one row of the query {@link #read} would run (falling back as it does), so that a field or
     * object the integration user cannot see is found by {@code doctor}, not by the audit.
     */
    static void probe(SalesforceApi api, String accountFilter) {
        try {
            SoqlQuery query = relationsQuery(accountFilter);
            api.query(query, query.select() + " LIMIT 1");
        } catch (SalesforceApiException e) {
            if (!e.errorCode().equals("INVALID_TYPE")) {
                throw e;
            }
            SoqlQuery query = contactsQuery(accountFilter);
            api.query(query, query.select() + " LIMIT 1");
        }
    }

    /** The active AccountContactRelation rows with an email, of the filter's accounts when it allows. */
    private static SoqlQuery relationsQuery(String accountFilter) {
        return relationsQuery(accountFilter, scope(accountFilter));
    }

    private static SoqlQuery relationsQuery(String accountFilter, String scope) {
        return new SoqlQuery(
                RELATIONS,
                List.of("AccountId", "IsDirect", "Contact.Email"),
                "IsActive = true AND Contact.Email != null" + scope,
                scope.isEmpty() ? "" : accountFilter);
    }

    /** Each contact's own AccountId, where the org has no AccountContactRelation. */
    private static SoqlQuery contactsQuery(String accountFilter) {
        return new SoqlQuery(
                "Contact",
                List.of("Email", "AccountId"),
                "Email != null AND AccountId != null" + scope(accountFilter),
                usable(accountFilter));
    }

    /**
     * The account filter as the contacts queries can repeat it: not when it holds a subquery (Salesforce
     * refuses nested semi-joins), nor when repeating it would make the query too long for its URL. Either
     * way the rows read are then kept only for the accounts pulled, so the result is the same.
     */
    static String usable(String accountFilter) {
        if (accountFilter.isEmpty() || SoqlNames.hasSubquery(accountFilter)) {
            return "";
        }
        // the longer of the two contacts queries decides
        return SalesforceApi.fitsInUrl(
                        relationsQuery(accountFilter, semiJoin(accountFilter)).select())
                ? accountFilter
                : "";
    }

    private static String scope(String accountFilter) {
        String filter = usable(accountFilter);
        return filter.isEmpty() ? "" : semiJoin(filter);
    }

    private static String semiJoin(String filter) {
        return " AND AccountId IN (SELECT Id FROM Account WHERE (" + filter + "))";
    }

    static Result read(SalesforceApi api, String accountFilter, Set<String> accountKeys) {
        Map<String, Contact> merged = new TreeMap<>();
        boolean relations = true;
        try {
            RestQuery.run(
                    api,
                    relationsQuery(accountFilter),
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
            RestQuery.run(
                    api,
                    contactsQuery(accountFilter),
                    row -> add(merged, row.get("Email"), row.get("AccountId"), true, accountKeys));
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
        String key = Texts.caseless(e) + "\n" + account.matchKey();
        Contact previous = merged.get(key);
        boolean isPrimary = primary || (previous != null && previous.primary());
        // the same address in several casings: keep the smallest, so row order never shows in the output
        String kept = previous == null || e.compareTo(previous.email()) < 0 ? e : previous.email();
        merged.put(key, new Contact(kept, account, isPrimary, 0));
    }
}
