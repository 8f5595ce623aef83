package io.plumbline.bench;

import io.plumbline.bench.People.Standing;
import io.plumbline.detect.IssueCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a snapshot folder (SPEC §3) for a tenant of any size, deterministically from a seed: orgs
 * with several domains, multi-org users, personal-domain users, agents, suspended users, deleted
 * orgs, contacts, tickets over a year, and a known number of every issue code, recorded in
 * {@code expected_counts.json}. Every case uses its own domains and ids, so cases never interact.
 */
public final class TenantGenerator {
    /** The instant every generated snapshot stands for (its manifest's captured_at). */
    public static final Instant AS_OF = Instant.parse("2026-04-17T00:00:00Z");

    static final long ORG_BASE = 360_000_000_000L;
    private final TenantShape shape;
    private final SplittableRandom rng;
    private final ExpectedCounts expected = new ExpectedCounts();
    private final OrgPool pool = new OrgPool();
    private final double usersPerCompany;
    private SnapshotFiles files;
    private People people;
    private long accounts;
    private long orgs;

    private TenantGenerator(TenantShape shape) {
        this.shape = shape;
        this.rng = new SplittableRandom(shape.seed());
        this.usersPerCompany = 0.78 * shape.users() / shape.orgs();
    }

    /** Writes the tenant into {@code dir} and returns what it holds. */
    public static ExpectedCounts generate(TenantShape shape, Path dir) throws IOException {
        return new TenantGenerator(shape).run(dir);
    }

    private ExpectedCounts run(Path dir) throws IOException {
        try (SnapshotFiles f = new SnapshotFiles(dir, AS_OF)) {
            files = f;
            people = new People(f, rng, expected, pool, AS_OF, shape);
            for (CaseKind kind : plan()) {
                write(kind);
            }
            long firstLoose = people.users;
            for (long n = 0; people.users < shape.users(); n++) {
                people.loose(n);
            }
            people.fillMemberships(shape.memberships(), firstLoose);
        }
        expected.input("accounts", accounts);
        expected.input("organizations", orgs);
        expected.input("users", people.users);
        expected.input("memberships", people.memberships);
        expected.input("tickets", people.tickets);
        expected.input("tickets_in_window", people.ticketsInWindow);
        expected.write(dir.resolve("expected_counts.json"));
        return expected;
    }

    /** Every case of the tenant, in a seeded random order. */
    private List<CaseKind> plan() {
        List<CaseKind> cases = new ArrayList<>();
        int accountsLeft = shape.accounts();
        int orgsLeft = shape.orgs();
        for (CaseKind k : CaseKind.values()) {
            if (k == CaseKind.LINKED || k == CaseKind.NO_ORG) {
                continue;
            }
            for (int i = 0; i < k.count(shape); i++) {
                cases.add(k);
                accountsLeft -= k.accounts;
                orgsLeft -= k.orgs;
            }
        }
        if (orgsLeft < 0 || accountsLeft < orgsLeft) {
            throw new IllegalArgumentException("shape too small for its injected cases: " + shape);
        }
        cases.addAll(Collections.nCopies(orgsLeft, CaseKind.LINKED));
        cases.addAll(Collections.nCopies(accountsLeft - orgsLeft, CaseKind.NO_ORG));
        Collections.shuffle(cases, new java.util.Random(rng.nextLong()));
        return cases;
    }

    private void write(CaseKind kind) {
        long n = accounts;
        String id = Names.accountId(n);
        switch (kind) {
            case LINKED -> linked(n, id);
            case DUPLICATE_EXTERNAL_ID -> duplicate(n, id);
            case MISSING_EXTERNAL_ID -> missingExternalId(n, id);
            case EXTERNAL_ID_CONFLICT -> conflict(n, id);
            case CLAIM_CONTESTED -> claimContested(n, id);
            case MISSING_DOMAIN -> missingDomain(n, id);
            case DOMAIN_ELSEWHERE -> domainElsewhere(n, id);
            case SHARED_DOMAIN_PAIR -> sharedPair(n, id);
            case STALE_DELETED_ORG -> staleDeleted(n, id);
            case STALE_NO_ORG -> staleNoOrg(n, id);
            case NOT_CANONICAL -> notCanonical(n, id);
            case NO_ORG -> noOrg(n, id);
            case ORPHAN_ORG -> orphan();
            case DELETED_ORG -> deleted();
        }
    }

    private void linked(long n, String id) {
        String[] domains = domains(n, 1 + rng.nextInt(3));
        long org = org(Names.company(n), id, orgDomains(domains), null);
        int roll = rng.nextInt(1000);
        String accountDomains = String.join(roll % 2 == 0 ? " " : ";", domains);
        if (roll < 5) {
            accountDomains += " " + corruptToken(n);
            expected.add(IssueCode.ACCOUNT_DOMAIN_FIELD_CORRUPTED);
        }
        String website = roll % 3 == 0 ? "https://www." + domains[0] + "/about" : "";
        String override = roll > 950 ? domains[0] : "";
        account(
                id,
                Names.company(n) + (roll % 4 == 0 ? ", Inc." : ""),
                accountDomains,
                website,
                override,
                roll % 2 == 0 ? Long.toString(org) : "");
        pool.add(id, org);
        people.company(id, override.isEmpty() ? domains : new String[] {override}, org, Standing.RESOLVED, users());
    }

    private void duplicate(long n, String id) {
        String[] domains = domains(n, 2);
        long first = org(Names.company(n), id, domains, null);
        org(Names.company(n) + " (old)", id, new String[0], null);
        account(id, Names.company(n), String.join(" ", domains), "", "", "");
        expected.add(IssueCode.ORG_DUPLICATE_EXTERNAL_ID);
        people.company(id, domains, first, Standing.BLOCKED, users());
    }

    private void missingExternalId(long n, String id) {
        String[] domains = domains(n, 1 + rng.nextInt(2));
        long org = org(Names.company(n), "", domains, null);
        account(id, Names.company(n), String.join(",", domains), "", "", rng.nextBoolean() ? Long.toString(org) : "");
        expected.add(IssueCode.ORG_MISSING_EXTERNAL_ID);
        people.company(id, domains, org, Standing.RESOLVED, users());
    }

    private void conflict(long n, String id) {
        String[] domains = domains(n, 1);
        long org = org(Names.company(n), "LEGACY-" + n, domains, null);
        account(id, Names.company(n), domains[0], "", "", "");
        expected.add(IssueCode.ORG_EXTERNAL_ID_CONFLICT);
        people.company(id, domains, org, Standing.UNCHECKED, users());
    }

    private void claimContested(long n, String id) {
        String other = Names.accountId(n + 1);
        String[] mine = domains(n, 1);
        String[] theirs = {Names.domain(n + 1, 0)};
        long org = org(Names.company(n), "", new String[0], null);
        account(id, Names.company(n), mine[0], "", "", Long.toString(org));
        account(other, Names.company(n + 1), theirs[0], "", "", Long.toString(org));
        expected.add(IssueCode.ORG_CLAIM_CONTESTED);
        expected.add(IssueCode.ORG_CLAIM_CONTESTED);
        people.company(id, mine, org, Standing.UNCHECKED, users());
        people.company(other, theirs, org, Standing.UNCHECKED, users());
    }

    private void missingDomain(long n, String id) {
        String[] domains = domains(n, 2);
        long org = org(Names.company(n), id, new String[] {domains[0]}, null);
        account(id, Names.company(n), String.join(" ", domains), "", "", "");
        expected.add(IssueCode.ORG_MISSING_EXPECTED_DOMAIN);
        people.company(id, domains, org, Standing.RESOLVED, users());
    }

    private void domainElsewhere(long n, String id) {
        String[] domains = domains(n, 2);
        long org = org(Names.company(n), id, new String[] {domains[0]}, null);
        org(Names.company(n) + " EMEA", "", new String[] {domains[1]}, null);
        account(id, Names.company(n), String.join(" ", domains), "", "", "");
        expected.add(IssueCode.ORG_DOMAIN_ATTACHED_ELSEWHERE);
        people.company(id, domains, org, Standing.RESOLVED, users());
    }

    private void sharedPair(long n, String id) {
        String shared = "shared-" + Names.domain(n, 0);
        String other = Names.accountId(n + 1);
        String[] mine = domains(n, 1);
        String[] theirs = {Names.domain(n + 1, 0)};
        long org = org(Names.company(n), id, new String[] {mine[0], shared}, null);
        long otherOrg = org(Names.company(n + 1), other, theirs, null);
        account(id, Names.company(n), mine[0] + " " + shared, "", "", "");
        account(other, Names.company(n + 1), theirs[0] + " " + shared, "", "", "");
        expected.add(IssueCode.ACCOUNT_DOMAIN_SHARED);
        expected.add(IssueCode.ACCOUNT_DOMAIN_SHARED);
        people.company(id, mine, org, Standing.RESOLVED, users());
        people.company(other, theirs, otherOrg, Standing.RESOLVED, users());
        people.ambiguous(shared, org, 1 + rng.nextInt(3));
    }

    private void staleDeleted(long n, String id) {
        String[] domains = domains(n, 1);
        long gone = org(
                Names.company(n) + " (merged)",
                "",
                domains,
                AS_OF.minusSeconds(86_400L * 90).toString());
        long org = org(Names.company(n), id, domains, null);
        account(id, Names.company(n), domains[0], "", "", Long.toString(gone));
        expected.add(IssueCode.ACCOUNT_STORED_ORG_ID_STALE);
        people.company(id, domains, org, Standing.RESOLVED, users());
    }

    private void staleNoOrg(long n, String id) {
        String[] domains = domains(n, 1);
        long org = org(Names.company(n), id, domains, null);
        String stored = rng.nextBoolean() ? "ZD-" + n : Long.toString(990_000_000_000L + n);
        account(id, Names.company(n), domains[0], "", "", stored);
        expected.add(IssueCode.ACCOUNT_STORED_ORG_ID_STALE);
        people.company(id, domains, org, Standing.RESOLVED, users());
    }

    private void notCanonical(long n, String id) {
        String[] domains = domains(n, 1);
        long org = org(Names.company(n), Names.accountId15(n), domains, null);
        account(id, Names.company(n), domains[0], "", "", "");
        expected.add(IssueCode.ORG_EXTERNAL_ID_NOT_CANONICAL);
        people.company(id, domains, org, Standing.RESOLVED, users());
    }

    private void noOrg(long n, String id) {
        String[] domains = rng.nextInt(10) < 7 ? domains(n, 1 + rng.nextInt(2)) : new String[0];
        account(id, Names.company(n), String.join(" ", domains), "", "", "");
        expected.add(IssueCode.ACCOUNT_MISSING_ZENDESK_ORG);
        if (domains.length > 0 && rng.nextInt(10) < 3) {
            people.company(id, domains, 0, Standing.UNCHECKED, 1 + rng.nextInt(3));
        }
    }

    private void orphan() {
        String stem = "legacy-" + Long.toString(orgs, 36);
        boolean named = rng.nextInt(10) < 4;
        org("Old " + stem, named ? "LEGACY-ORPHAN-" + orgs : "", new String[] {stem + ".example.net"}, null);
        expected.add(IssueCode.ORG_ORPHANED);
    }

    private void deleted() {
        String stem = "gone-" + Long.toString(orgs, 36);
        org(
                "Gone " + stem,
                "",
                new String[] {stem + ".com"},
                AS_OF.minusSeconds(86_400L * 200).toString());
    }

    private String[] domains(long n, int count) {
        String[] out = new String[count];
        for (int k = 0; k < count; k++) {
            out[k] = Names.domain(n, k);
        }
        return out;
    }

    /** The org's copy of the domains: the same hosts, sometimes written differently. */
    private String[] orgDomains(String[] domains) {
        String[] out = domains.clone();
        if (rng.nextInt(10) == 0) {
            out[0] = out[0].toUpperCase(java.util.Locale.ROOT);
        }
        return out;
    }

    private String corruptToken(long n) {
        return switch (rng.nextInt(4)) {
            case 0 -> "/accounts/" + Names.domain(n, 0).replace('.', '-');
            case 1 -> "intranet";
            case 2 -> "gmail.com";
            default -> "billing@" + Names.domain(n, 0);
        };
    }

    private int users() {
        return 1 + rng.nextInt((int) Math.max(1, Math.round(2 * usersPerCompany - 1)));
    }

    private long org(String name, String externalId, String[] domains, String deletedAt) {
        long id = ORG_BASE + orgs++;
        files.org(id, name, externalId, domains, deletedAt);
        return id;
    }

    private void account(String id, String name, String domains, String website, String override, String stored) {
        files.account(id, name, domains, website, override, stored);
        accounts++;
    }
}
