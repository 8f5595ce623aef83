package io.plumbline.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks side by side (the listings of one pull, the artifacts of one run folder) and
 * waits for all of them. The first to fail stops the rest (their threads are interrupted, and it waits
 * until they have ended) and its exception is rethrown as it was thrown, so a failure reports what it
 * reports when the tasks run one after another. Tasks throw unchecked exceptions only.
 */
public final class SideBySide implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final ExecutorService pool;
    private final CompletionService<Object> completion;
    private final List<Future<Object>> running = new ArrayList<>();
    private final String name;

    /** Up to {@code threads} tasks at once, on daemon threads named after {@code name} (e.g. {@code zendesk-pull}). */
    public SideBySide(String name, int threads) {
        this.name = name;
        int n = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.completion = new ExecutorCompletionService<>(pool);
    }

    /** Starts {@code task}; its answer is {@link #result}'s once {@link #awaitAll()} has returned. */
    public <T> Future<T> start(Callable<T> task) {
        @SuppressWarnings("unchecked")
        Future<T> f = (Future<T>) completion.submit((Callable<Object>) task::call);
        running.add((Future<Object>) f);
        return f;
    }

    /** Waits until every task has finished; on the first failure, stops the others and rethrows it. */
    public void awaitAll() {
        for (int i = 0; i < running.size(); i++) {
            try {
                completion.take().get();
            } catch (ExecutionException e) {
                stop();
                throw rethrown(e.getCause());
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
        }
    }

    /** The answer of a task that finished ({@link #awaitAll()} returned). */
    public <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private IllegalStateException interrupted(InterruptedException e) {
        return new IllegalStateException(name + ": interrupted while waiting for its tasks", e);
    }

    private void stop() {
        running.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        stop();
    }
}
