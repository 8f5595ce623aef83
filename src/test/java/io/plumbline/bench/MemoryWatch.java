package io.plumbline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap of this JVM while a workload runs: the peak heap in use (sampled every 10 ms),
 * the largest heap still live after a garbage collection, the peak committed heap, and the process's
 * peak resident set size (VmHWM).
 */
final class MemoryWatch implements AutoCloseable {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong peakCommitted = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    MemoryWatch() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (n, h) -> {
                                if (!n.getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                                    return;
                                }
                                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                                long live = 0;
                                for (var e :
                                        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                    if (heapPools.contains(e.getKey())) {
                                        live += e.getValue().getUsed();
                                    }
                                }
                                peakLive.accumulateAndGet(live, Math::max);
                            },
                            null,
                            null);
        }
        sampler = new Thread(this::sample, "memory-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
            peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakUsed() {
        return peakUsed.get();
    }

    long peakLiveAfterGc() {
        return peakLive.get();
    }

    long peakCommitted() {
        return peakCommitted.get();
    }

    /** The process's peak resident set size in bytes, from /proc (0 where there is none). */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
