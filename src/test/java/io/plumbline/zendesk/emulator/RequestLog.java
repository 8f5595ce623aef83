package io.plumbline.zendesk.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the emulator received, in arrival order (an answer delayed on purpose is still listed
 * where its request arrived); safe to read while the server runs.
 */
public final class RequestLog {
    private static final Comparator<LoggedRequest> BY_ARRIVAL = Comparator.comparing(LoggedRequest::at);
    private final List<LoggedRequest> entries = new ArrayList<>();

    synchronized void add(LoggedRequest r) {
        entries.add(r);
    }

    public synchronized List<LoggedRequest> all() {
        return entries.stream().sorted(BY_ARRIVAL).toList();
    }

    public synchronized List<LoggedRequest> matching(Predicate<LoggedRequest> p) {
        return entries.stream().sorted(BY_ARRIVAL).filter(p).toList();
    }

    /** Waits (up to {@code timeout}, real time) until a request matching {@code p} has been answered. */
    public LoggedRequest await(Predicate<LoggedRequest> p, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<LoggedRequest> found = matching(p);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such request within " + timeout + " in:\n" + this);
    }

    /** Requests other than GET (the writes a test may assert on). */
    public List<LoggedRequest> writes() {
        return matching(r -> !r.method().equals("GET") && !r.path().equals("/oauth/tokens"));
    }

    public synchronized void clear() {
        entries.clear();
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        all().forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
