package io.plumbline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The parse floor of a snapshot folder: the time to stream-parse every input file and do nothing
 * else (every JSON token of every JSONL line through Jackson's streaming parser, every CSV record
 * through FastCSV). Measured once with one thread, then with the files spread over every core.
 */
public final class ParseFloor {
    private static final List<String> FILES = List.of(
            "zendesk/tickets.jsonl",
            "zendesk/organization_memberships.jsonl",
            "zendesk/users.jsonl",
            "zendesk/organizations.jsonl",
            "salesforce_accounts.csv",
            "salesforce_contacts.csv");
    private static final JsonFactory JSON = new JsonFactory();

    private ParseFloor() {}

    /** Prints {@code floor_sequential_s=… floor_parallel_s=… tokens=…} for the folder in args[0]. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> files = new ArrayList<>();
        for (String f : FILES) {
            if (Files.exists(dir.resolve(f))) {
                files.add(dir.resolve(f));
            }
        }
        files.sort(Comparator.comparingLong(ParseFloor::size).reversed());
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        long tokens = 0;
        for (Path p : files) {
            tokens += parse(p);
        }
        double sequential = (System.nanoTime() - t0) / 1e9;
        double sequentialCpu = (cpuNanos() - c0) / 1e9;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long c1 = cpuNanos();
        long t1 = System.nanoTime();
        List<Future<Long>> parts = new ArrayList<>();
        for (Path p : files) {
            parts.add(pool.submit(() -> parse(p)));
        }
        long again = 0;
        for (Future<Long> f : parts) {
            again += f.get();
        }
        double parallel = (System.nanoTime() - t1) / 1e9;
        double parallelCpu = (cpuNanos() - c1) / 1e9;
        pool.shutdown();
        System.out.printf(
                "floor_sequential_s=%.2f floor_parallel_s=%.2f threads=%d cpu_sequential_s=%.2f cpu_parallel_s=%.2f "
                        + "tokens=%d%n",
                sequential, parallel, threads, sequentialCpu, parallelCpu, again == tokens ? tokens : -1);
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Stream-parses one file; returns the number of JSON tokens or CSV fields seen. */
    static long parse(Path p) {
        try {
            return p.toString().endsWith(".csv") ? csv(p) : jsonl(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long jsonl(Path p) throws IOException {
        long n = 0;
        try (JsonParser parser = JSON.createParser(p.toFile())) {
            while (parser.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    private static long csv(Path p) throws IOException {
        long n = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(p)) {
            for (CsvRecord r : reader) {
                n += r.getFieldCount();
            }
        }
        return n;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
