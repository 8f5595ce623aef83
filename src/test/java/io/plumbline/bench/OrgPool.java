package io.plumbline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The clean, linked account/org pairs generated so far: targets for multi-org users and contacts. */
final class OrgPool {
    private final List<String> accounts = new ArrayList<>();
    private long[] orgs = new long[1024];

    void add(String accountId, long org) {
        if (accounts.size() == orgs.length) {
            orgs = java.util.Arrays.copyOf(orgs, orgs.length * 2);
        }
        orgs[accounts.size()] = org;
        accounts.add(accountId);
    }

    int size() {
        return accounts.size();
    }

    int pick(SplittableRandom rng) {
        return rng.nextInt(accounts.size());
    }

    String account(int i) {
        return accounts.get(i);
    }

    long org(int i) {
        return orgs[i];
    }

    /** A random pooled org other than {@code not}, or 0 when there is none. */
    long other(long not, SplittableRandom rng) {
        if (accounts.isEmpty() || accounts.size() == 1 && orgs[0] == not) {
            return 0;
        }
        long o;
        do {
            o = orgs[rng.nextInt(accounts.size())];
        } while (o == not);
        return o;
    }
}
