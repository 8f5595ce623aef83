package io.plumbline.detect;

import io.plumbline.resolve.Resolution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs every detector over a {@link Resolution} and returns the issues in a stable order (by account,
 * scope, code, then record ids), numbered {@code I0001…}. A pure function of the resolution.
 */
public final class DriftDetector {
    private static final List<Detector> DETECTORS = List.of(
            new AccountIssueDetector(),
            new DomainIssueDetector(),
            new OrphanOrgDetector(),
            new UserIssueDetector(),
            new TicketIssueDetector());

    /** The stable order of issues: account id (issues without an account last), scope, code, ids, values. */
    public static final Comparator<Issue> ORDER = Comparator.comparing(
                    Issue::accountId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.code().scope())
            .thenComparing(Issue::code)
            .thenComparing(Issue::orgId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Issue::userId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Issue::ticketId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Issue::expectedValue)
            .thenComparing(Issue::currentValue);

    public List<Issue> detect(Resolution resolution) {
        List<Issue> all = new ArrayList<>();
        // the detectors only read the resolution: run them side by side, then sort
        DETECTORS.parallelStream().map(d -> d.detect(resolution)).toList().forEach(all::addAll);
        all.sort(ORDER);
        int width = Math.max(4, Integer.toString(all.size()).length());
        List<Issue> numbered = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            numbered.add(all.get(i).withId(String.format(Locale.ROOT, "I%0" + width + "d", i + 1)));
        }
        return List.copyOf(numbered);
    }
}
