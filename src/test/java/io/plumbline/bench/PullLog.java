package io.plumbline.bench;

import io.plumbline.zendesk.emulator.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emulator's request log of one pull, read by resource: how many requests each resource took, how
 * many were answered 429, and how long one request of a resource takes (the median gap between two
 * consecutive requests of it inside one rate-limit minute, where nothing but the answer is waited for).
 */
final class PullLog {
    static final String COUNTS = "counts";
    private final List<LoggedRequest> log;

    PullLog(List<LoggedRequest> log) {
        this.log = List.copyOf(log);
    }

    /** The resource a request reads, named as the snapshot's record counts name them. */
    static String resource(LoggedRequest r) {
        String p = r.path();
        if (p.endsWith("/count")
                || (p.equals("/api/v2/organization_memberships") && r.query().contains("per_page=1"))) {
            return COUNTS;
        }
        if (p.contains("organization_memberships")) {
            return "organization_memberships";
        }
        if (p.startsWith("/api/v2/incremental/organizations")) {
            return "organizations";
        }
        if (p.startsWith("/api/v2/incremental/users") || p.startsWith("/api/v2/users")) {
            return "users";
        }
        if (p.startsWith("/api/v2/incremental/tickets")) {
            return "tickets";
        }
        return p;
    }

    static boolean export(LoggedRequest r) {
        return r.path().startsWith("/api/v2/incremental/");
    }

    Map<String, Long> requests() {
        Map<String, Long> out = new TreeMap<>();
        log.forEach(r -> out.merge(resource(r), 1L, Long::sum));
        return out;
    }

    long total() {
        return log.size();
    }

    long tooMany() {
        return log.stream().filter(r -> r.status() == 429).count();
    }

    long tooMany(String resource) {
        return log.stream()
                .filter(r -> r.status() == 429 && resource(r).equals(resource))
                .count();
    }

    long exports() {
        return log.stream().filter(PullLog::export).count();
    }

    /** When the {@code n}-th successful request of {@code resource} arrived (1-based); null if it made fewer. */
    Instant succeeded(String resource, long n) {
        return log.stream()
                .filter(r -> r.succeeded() && resource(r).equals(resource))
                .skip(n - 1)
                .findFirst()
                .map(LoggedRequest::at)
                .orElse(null);
    }

    /** The median time one request of {@code resource} takes (zero when it made fewer than two). */
    Duration latency(String resource) {
        List<LoggedRequest> of =
                log.stream().filter(r -> resource(r).equals(resource)).toList();
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < of.size(); i++) {
            LoggedRequest a = of.get(i - 1);
            LoggedRequest b = of.get(i);
            if (a.succeeded() && minute(a) == minute(b)) {
                gaps.add(Duration.between(a.at(), b.at()));
            }
        }
        gaps.sort(null);
        return gaps.isEmpty() ? Duration.ZERO : gaps.get(gaps.size() / 2);
    }

    private static long minute(LoggedRequest r) {
        return Math.floorDiv(r.at().getEpochSecond(), 60);
    }
}
