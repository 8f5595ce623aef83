package io.plumbline.apply;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where apply and undo report, in order: each result once it is known, and each write just before it
 * is sent, so that a crash while a write is in flight leaves a trace of it (the write may or may not
 * have reached Zendesk; a re-run re-checks it and never repeats it once it is in effect).
 */
@FunctionalInterface
public interface ResultSink extends Consumer<ActionResult> {
    /** The write about to be sent: the action with the state it was checked in and the state it aims at. */
    default void writing(ActionResult pending) {}

    /**
     * The writes about to be sent together in one bulk job: every one of them, before any is sent. A
     * sink that keeps a trace of the write in flight must keep all of these.
     */
    default void writingAll(List<ActionResult> pending) {
        pending.forEach(this::writing);
    }

    /**
     * The write (or bulk job) last named by {@link #writing} or {@link #writingAll} was not sent after all:
     * Zendesk turned it away, nothing of it was written, and it is re-checked before anything is sent. A
     * sink that keeps a trace of the write in flight drops it, so that a run stopped while it waits leaves
     * no write named as possibly landed.
     */
    default void notSent() {}

    /**
     * The id of a bulk job Zendesk queued for the writes in flight, known before Plumbline waits for it. A
     * sink that keeps a trace of the writes in flight keeps it: a run stopped while it waits leaves a job
     * that may still be running, which a later run asks Zendesk about before it writes.
     */
    default void jobQueued(String jobId) {}

    /** Results known together (a batch), in order; the same as accepting each in turn. */
    default void acceptAll(List<ActionResult> results) {
        results.forEach(this::accept);
    }
}
