package io.plumbline.bench;

import io.plumbline.detect.IssueCode;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes Zendesk users with their memberships and tickets, and Salesforce contacts, tallying exactly
 * the user and ticket issues they carry. Every user gets its share of the ticket total; tickets spread
 * over the year before the snapshot, and only those in the lookback window can be issues.
 */
final class People {
    /** How a user's account resolved, which decides what its memberships and tickets mean. */
    enum Standing {
        /** The account has a resolved org: memberships and in-window tickets are checked against it. */
        RESOLVED,
        /** The account is blocked by a duplicate external_id: every eligible user and ticket is blocked. */
        BLOCKED,
        /** No expectation: unresolved account, ambiguous domain, personal or unknown domain. */
        UNCHECKED
    }

    static final long USER_BASE = 380_000_000_000L;
    static final long MEMBERSHIP_BASE = 390_000_000_000L;
    private static final long YEAR = 365L * 86_400;
    private final SnapshotFiles files;
    private final SplittableRandom rng;
    private final ExpectedCounts expected;
    private final OrgPool pool;
    private final Instant asOf;
    private final Instant windowStart;
    private final int userTarget;
    private final long ticketTarget;
    private final double extraMembership;
    long users;
    long memberships;
    long tickets;
    long ticketsInWindow;

    People(
            SnapshotFiles files,
            SplittableRandom rng,
            ExpectedCounts expected,
            OrgPool pool,
            Instant asOf,
            TenantShape shape) {
        this.files = files;
        this.rng = rng;
        this.expected = expected;
        this.pool = pool;
        this.asOf = asOf;
        this.windowStart = asOf.minus(Duration.ofDays(30));
        this.userTarget = shape.users();
        this.ticketTarget = shape.tickets();
        this.extraMembership =
                Math.max(0, Math.min(1, (shape.memberships() - 0.85 * shape.users()) / (0.78 * shape.users())));
    }

    /** Users of one company: at its domains, members of {@code org} (0 when none). */
    void company(String accountId, String[] domains, long org, Standing standing, int count) {
        for (int i = 0; i < count && users < userTarget; i++) {
            String name = Names.person(rng);
            long id = USER_BASE + users;
            String email = Names.localPart(name, users) + "@" + domains[rng.nextInt(domains.length)];
            int roll = rng.nextInt(1000);
            if (roll < 30) {
                staff(id, email, name, org);
            } else if (roll < 50) {
                long o = org != 0 && rng.nextBoolean() ? org : 0;
                files.user(id, email, name, "end-user", o, roll < 40, roll < 40);
                finishUser(id, o, Standing.UNCHECKED, 0);
                if (o != 0) {
                    membership(id, o, true);
                }
            } else {
                endUser(id, email, name, accountId, org, standing);
            }
        }
    }

    private void staff(long id, String email, String name, long org) {
        files.user(id, email, name, rng.nextInt(5) == 0 ? "admin" : "agent", 0, true, false);
        finishUser(id, 0, Standing.UNCHECKED, 0);
    }

    private void endUser(long id, String email, String name, String accountId, long org, Standing standing) {
        if (standing != Standing.RESOLVED) {
            files.user(id, email, name, "end-user", org, true, false);
            if (standing == Standing.BLOCKED) {
                expected.add(IssueCode.USER_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID);
            }
            finishUser(id, org, standing, 0);
            if (org != 0) {
                membership(id, org, true);
            }
            return;
        }
        int roll = rng.nextInt(1000);
        long other = pool.other(org, rng);
        if (roll < 5 && other != 0) {
            expected.add(IssueCode.USER_MISSING_EXPECTED_MEMBERSHIP);
            long defaultOrg = rng.nextBoolean() ? other : 0;
            files.user(id, email, name, "end-user", defaultOrg, true, false);
            finishUser(id, defaultOrg, Standing.RESOLVED, org);
            if (defaultOrg != 0) {
                membership(id, defaultOrg, true);
            }
        } else if (roll < 10 && other != 0) {
            expected.add(IssueCode.USER_DEFAULT_ORG_NOT_EXPECTED);
            files.user(id, email, name, "end-user", other, true, false);
            finishUser(id, other, Standing.RESOLVED, org);
            membership(id, other, true);
            membership(id, org, false);
        } else {
            files.user(id, email, name, "end-user", org, true, false);
            finishUser(id, org, Standing.RESOLVED, org);
            membership(id, org, true);
            if (other != 0 && rng.nextDouble() < extraMembership) {
                membership(id, other, false);
            }
            if (roll > 920) {
                files.contact(email.toUpperCase(java.util.Locale.ROOT), accountId, rng.nextBoolean());
            }
        }
    }

    /** Users at {@code domain}, a domain two accounts expect: each eligible one is ambiguous. */
    void ambiguous(String domain, long org, int count) {
        for (int i = 0; i < count && users < userTarget; i++) {
            String name = Names.person(rng);
            long id = USER_BASE + users;
            files.user(id, Names.localPart(name, users) + "@" + domain, name, "end-user", org, true, false);
            expected.add(IssueCode.USER_DOMAIN_AMBIGUOUS);
            finishUser(id, org, Standing.UNCHECKED, 0);
            membership(id, org, true);
        }
    }

    /** Users with no company of their own: personal and unknown domains, consultants, staff, contacts. */
    void loose(long number) {
        long id = USER_BASE + users;
        String name = Names.person(rng);
        String personal = Names.localPart(name, users) + "@" + Names.PERSONAL[rng.nextInt(Names.PERSONAL.length)];
        int roll = rng.nextInt(100);
        if (roll < 5 && pool.size() > 2) {
            int a = pool.pick(rng);
            int b = pool.pick(rng);
            if (a != b) {
                files.contact(personal, pool.account(a), false);
                files.contact(personal, pool.account(b), false);
                files.user(id, personal, name, "end-user", pool.org(a), true, false);
                finishUser(id, pool.org(a), Standing.UNCHECKED, 0);
                membership(id, pool.org(a), true);
                membership(id, pool.org(b), false);
                return;
            }
        }
        if (roll < 10 && pool.size() > 0) {
            int a = pool.pick(rng);
            files.contact(personal, pool.account(a), true);
            files.user(id, personal, name, "end-user", pool.org(a), true, false);
            finishUser(id, pool.org(a), Standing.RESOLVED, pool.org(a));
            membership(id, pool.org(a), true);
            return;
        }
        if (roll < 18) {
            staff(id, "agent." + number + "@acme-support.example", name, 0);
            return;
        }
        String email = roll < 40 ? Names.localPart(name, users) + "@vendor-" + (number % 5000) + ".net" : personal;
        long org = rng.nextInt(3) == 0 ? pool.other(0, rng) : 0;
        files.user(id, email, name, "end-user", org, roll % 17 != 0, false);
        finishUser(id, org, Standing.UNCHECKED, 0);
        if (org != 0) {
            membership(id, org, true);
        }
    }

    /** Non-default memberships of loose users in clean orgs, until the membership total is reached. */
    void fillMemberships(long target, long firstLooseUser) {
        long span = users - firstLooseUser;
        for (long k = 0; memberships < target && span > 0; k++) {
            long user = USER_BASE + firstLooseUser + (k * 7919) % span;
            long org = pool.other(0, rng);
            if (org == 0) {
                return;
            }
            membership(user, org, false);
        }
    }

    private void membership(long user, long org, boolean isDefault) {
        files.membership(MEMBERSHIP_BASE + memberships, user, org, isDefault);
        memberships++;
    }

    /** Counts the user and writes its share of tickets; {@code expectedOrg} is checked when RESOLVED. */
    private void finishUser(long userId, long defaultOrg, Standing standing, long expectedOrg) {
        long k = users++;
        long share = (k + 1) * ticketTarget / userTarget - k * ticketTarget / userTarget;
        for (long t = 0; t < share; t++) {
            ticket(userId, defaultOrg, standing, expectedOrg);
        }
    }

    private void ticket(long userId, long defaultOrg, Standing standing, long expectedOrg) {
        Instant created = asOf.minusSeconds(1 + rng.nextLong(YEAR));
        Instant updated = created.plusSeconds(rng.nextLong(20L * 86_400));
        if (updated.isAfter(asOf)) {
            updated = asOf;
        }
        boolean inWindow = !updated.isBefore(windowStart);
        long org = standing == Standing.RESOLVED ? expectedOrg : defaultOrg;
        if (standing == Standing.RESOLVED && rng.nextInt(100) < (inWindow ? 2 : 3)) {
            org = rng.nextInt(3) == 0 ? 0 : pool.other(expectedOrg, rng);
            if (inWindow) {
                expected.add(IssueCode.TICKET_ORG_MISMATCH);
            }
        }
        if (standing == Standing.BLOCKED && inWindow) {
            expected.add(IssueCode.TICKET_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID);
        }
        ticketsInWindow += inWindow ? 1 : 0;
        String status = inWindow ? (rng.nextBoolean() ? "open" : "pending") : "closed";
        files.ticket(++tickets, userId, org, created, updated, status);
    }
}
