package io.plumbline.apply;

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
}
