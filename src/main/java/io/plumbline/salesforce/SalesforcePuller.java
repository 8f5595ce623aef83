package io.plumbline.salesforce;

import io.plumbline.config.SalesforceConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Account;
import io.plumbline.model.Contact;
import io.plumbline.snapshot.SnapshotLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pulls the accounts (and, when configured, contacts) a live audit needs from Salesforce into a
 * snapshot folder, as {@code salesforce_accounts.csv} and {@code salesforce_contacts.csv} that the
 * snapshot reader reads back unchanged. Strictly read-only: besides the token request of signing in
 * it only sends GETs, to list API versions and to run queries on the REST query endpoint. The
 * configuration is checked before anything is sent.
 */
public final class SalesforcePuller {
    private final SalesforceConfig config;
    private final Path baseDir;
    private final SalesforceRuntime runtime;

    public SalesforcePuller(SalesforceConfig config, Path baseDir, SalesforceRuntime runtime) {
        this.config = config;
        this.baseDir = baseDir;
        this.runtime = runtime;
    }

    /** The validated settings of one pull. */
    private record Checked(AccountFields fields, String filter, String pinnedVersion) {}

    /**
     * Checks the configuration (field names, filter, pinned version) without contacting
     * Salesforce, so a caller can fail fast before slower work; {@link #pull} checks it too.
     */
    public void check() {
        checked();
    }

    /** A signed-in session and the API at the chosen version, counting requests. */
    private record Connection(SalesforceHttp http, SalesforceSession session, SalesforceApi api) {}

    /**
     * Signs in, picks the API version, counts the accounts the filter selects (one {@code COUNT()} query)
     * and reads one row of each query a pull runs (accounts with every mapped field, and contacts when
     * the config reads them): the cheapest proof that a pull would work, for {@code doctor}.
     */
    public SalesforceProbe probe() {
        Checked checked = checked();
        Connection c = connect(checked);
        SoqlQuery query = accountQuery(checked);
        long accounts = RestQuery.count(c.api(), query);
        c.api().query(query, query.select() + " LIMIT 1"); // a mapped field the user cannot see fails here
        if (config.contacts()) {
            ContactReader.probe(c.api(), checked.filter());
        }
        return new SalesforceProbe(
                c.session().instanceUrl().toString(),
                c.session().method(),
                c.api().version(),
                accounts,
                c.http().requests());
    }

    public SalesforcePullStats pull(Path snapshotDir) {
        Checked checked = checked();
        AccountFields fields = checked.fields();
        String filter = checked.filter();
        Connection c = connect(checked);
        SalesforceHttp http = c.http();
        SalesforceSession session = c.session();
        String version = c.api().version();

        List<Account> accounts = new ArrayList<>();
        RestQuery.run(c.api(), accountQuery(checked), row -> accounts.add(fields.toAccount(row)));
        SalesforceCsvWriter.writeAccounts(snapshotDir.resolve(SnapshotLayout.ACCOUNTS), accounts);
        if (!config.contacts()) {
            return new SalesforcePullStats(
                    session.instanceUrl().toString(),
                    accounts.size(),
                    0,
                    http.requests(),
                    version,
                    session.method(),
                    false,
                    false,
                    http.apiUsage());
        }
        Set<String> keys = new HashSet<>();
        accounts.forEach(a -> keys.add(a.id().matchKey()));
        ContactReader.Result contacts = ContactReader.read(c.api(), filter, keys);
        List<Contact> rows = contacts.contacts();
        SalesforceCsvWriter.writeContacts(snapshotDir.resolve(SnapshotLayout.CONTACTS), rows);
        return new SalesforcePullStats(
                session.instanceUrl().toString(),
                accounts.size(),
                rows.size(),
                http.requests(),
                version,
                session.method(),
                true,
                contacts.relations(),
                http.apiUsage());
    }

    private Connection connect(Checked checked) {
        SalesforceHttp http = new SalesforceHttp(runtime.http(), runtime.sleeper());
        SalesforceLogin login = new SalesforceLogin(config, baseDir, runtime, http);
        SalesforceSession session = login.login();
        String version = checked.pinnedVersion() != null
                ? checked.pinnedVersion()
                : ApiVersions.newest(http, session.instanceUrl());
        return new Connection(
                http,
                session,
                new SalesforceApi(http, session, version, session.method().renewable() ? login::login : null));
    }

    private static SoqlQuery accountQuery(Checked c) {
        String filter = c.filter();
        return new SoqlQuery("Account", c.fields().selectList(), filter.isEmpty() ? "" : "(" + filter + ")", filter);
    }

    private Checked checked() {
        AccountFields fields = AccountFields.from(config.fields());
        Checked checked = new Checked(fields, filter(), pinnedVersion());
        String select = accountQuery(checked).select();
        if (!SalesforceApi.fitsInUrl(select)) {
            throw new ConfigException("salesforce.account_filter: the account query would be "
                    + java.net.URLEncoder.encode(select, java.nio.charset.StandardCharsets.UTF_8)
                            .length()
                    + " characters once URL-encoded, more than the " + SalesforceApi.MAX_ENCODED_QUERY
                    + " Plumbline sends (Salesforce refuses a URL over 16 KB); select the accounts by a field,"
                    + " such as a checkbox or a picklist, rather than by a long list of values");
        }
        return checked;
    }

    private String filter() {
        String filter =
                config.accountFilter() == null ? "" : config.accountFilter().strip();
        if (config.accountFilter() != null) {
            String problem = SoqlNames.filterProblem(filter);
            if (problem != null) {
                throw new ConfigException("salesforce.account_filter: \"" + filter + "\" is not a usable SOQL WHERE"
                        + " clause: " + problem);
            }
        }
        return filter;
    }

    /** The API version the config pins, as it checked it when it loaded ({@code 67.0}); null for none. */
    private String pinnedVersion() {
        return config.apiVersion();
    }
}
