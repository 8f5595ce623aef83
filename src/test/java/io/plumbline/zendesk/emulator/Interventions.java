package io.plumbline.zendesk.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Interventions a test schedules at exact points of a client's run: a change to the state made just
 * before a given request is handled (so that a precondition goes stale between the client's read and
 * its write) or just after it is answered (so that it goes stale while the client waits to retry), and
 * a hold that stops answering at a chosen write (so that the test can kill the client process there). A write is any request other than GET to {@code /api/}; writes are counted as they
 * are answered.
 */
public final class Interventions {
    private static final class Change {
        final String method;
        final String path;
        final Runnable change;
        int remaining;

        Change(String method, String path, int occurrence, Runnable change) {
            this.method = method;
            this.path = path;
            this.remaining = occurrence;
            this.change = change;
        }
    }

    private final List<Change> changes = new ArrayList<>();
    private final List<Change> afterChanges = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private CountDownLatch reached;
    private int holdAt = -1;
    private boolean holdAnswer;
    private int writesAnswered;

    /** Runs {@code change} just before the next request with this method and path is handled. */
    public synchronized void beforeRequest(String method, String path, Runnable change) {
        beforeRequest(method, path, 1, change);
    }

    /** Runs {@code change} just before the {@code occurrence}-th request from now with this method and path. */
    public synchronized void beforeRequest(String method, String path, int occurrence, Runnable change) {
        changes.add(new Change(method, path, occurrence, change));
    }

    /**
     * Runs {@code change} once the {@code occurrence}-th request from now with this method and path has
     * been answered (before its answer is sent, so the client's next request sees it whatever it is).
     */
    public synchronized void afterRequest(String method, String path, int occurrence, Runnable change) {
        afterChanges.add(new Change(method, path, occurrence, change));
    }

    /** Once {@code k} writes have been answered, the next request is held unanswered; the latch opens then. */
    public synchronized CountDownLatch holdAfterWrites(int k) {
        return hold(k, false);
    }

    /** The {@code k}-th write takes effect but its answer is held; the latch opens then. */
    public synchronized CountDownLatch holdAnswerOfWrite(int k) {
        return hold(k, true);
    }

    private CountDownLatch hold(int k, boolean answer) {
        holdAt = k;
        holdAnswer = answer;
        reached = new CountDownLatch(1);
        return reached;
    }

    /** Lets every held request go (unanswered) and holds nothing more. */
    public void release() {
        synchronized (this) {
            holdAt = -1;
        }
        released.countDown();
    }

    synchronized void runChanges(Call call) {
        run(changes, call);
    }

    synchronized void runAfterChanges(Call call) {
        run(afterChanges, call);
    }

    private static void run(List<Change> changes, Call call) {
        for (Iterator<Change> it = changes.iterator(); it.hasNext(); ) {
            Change c = it.next();
            if (c.method.equals(call.method()) && c.path.equals(call.path()) && --c.remaining == 0) {
                it.remove();
                c.change.run();
            }
        }
    }

    /** Whether to hold this request before it is handled. */
    synchronized boolean holdBefore(Call call) {
        if (holdAt < 0 || holdAnswer || !call.path().startsWith("/api/") || writesAnswered < holdAt) {
            return false;
        }
        reached.countDown();
        return true;
    }

    /** Counts an answered write; whether to hold its answer. */
    synchronized boolean holdAfter(Call call) {
        if (call.method().equals("GET") || !call.path().startsWith("/api/")) {
            return false;
        }
        writesAnswered++;
        if (holdAt >= 0 && holdAnswer && writesAnswered == holdAt) {
            reached.countDown();
            return true;
        }
        return false;
    }

    /** Blocks a held request's thread until {@link #release} (or a minute, as a safety net). */
    void awaitRelease() {
        try {
            released.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
