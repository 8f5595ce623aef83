package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Cuts a JSONL stream into blocks of whole lines and maps the blocks on every core, each into its own
 * sink, keeping block order. A block is accepted only when it is valid UTF-8 without NUL bytes and
 * every line holds at most one JSON object that the mapper accepts; otherwise the whole read is
 * refused (null) so the caller can use the exact reader. Each block is read by {@link
 * JsonLineScanner}, and by Jackson's parser when the scanner leaves it (its shape is not the common
 * one), so a block's records are what Jackson's parser gives either way.
 */
final class JsonlBlocks {
    private static final int BLOCK = 4 << 20;
    /** Longer lines go to the exact reader, whose parser limits a string to 20 million characters. */
    private static final int MAX_LINE = 16 << 20;

    /** The sinks of every block in order, and whether ids ascended strictly across the whole file. */
    record Result<S>(List<S> sinks, boolean ascending) {}

    record Block<S>(S sink, long firstId, long lastId, boolean ascending, boolean ok) {}

    private JsonlBlocks() {}

    static <S> Result<S> read(
            JsonlStreamReader.Opener open,
            String[] keys,
            IntFunction<S> newSink,
            JsonlStreamReader.RecordMapper<S> mapper) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jsonl-block");
            t.setDaemon(true);
            return t;
        });
        // a few large buffers, reused: allocating one per block would churn the heap with huge arrays
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(threads + 2);
        for (int i = 0; i < threads + 2; i++) {
            free.add(new byte[BLOCK]);
        }
        try (InputStream in = open.open()) {
            Deque<Future<Block<S>>> pending = new ArrayDeque<>();
            List<Block<S>> done = new ArrayList<>();
            byte[] carry = new byte[0];
            int carried = 0;
            boolean first = true;
            while (true) {
                byte[] taken = free.take();
                byte[] buf = carried < taken.length ? taken : new byte[carried * 2];
                System.arraycopy(carry, 0, buf, 0, carried);
                int filled = carried + in.readNBytes(buf, carried, buf.length - carried);
                boolean eof = filled < buf.length;
                int end = eof ? filled : lastNewline(buf, filled) + 1;
                if (end == 0 && !eof) {
                    if (filled >= MAX_LINE) {
                        return null;
                    }
                    carry = Arrays.copyOf(buf, filled);
                    carried = filled;
                    free.add(taken);
                    continue;
                }
                int start = first && bom(buf, end) ? 3 : 0;
                first = false;
                carry = Arrays.copyOfRange(buf, end, filled);
                carried = carry.length;
                pending.add(pool.submit(() -> {
                    try {
                        return block(buf, start, end, keys, newSink, mapper);
                    } finally {
                        free.add(taken);
                    }
                }));
                while (pending.size() > threads || eof && !pending.isEmpty()) {
                    Block<S> b = pending.removeFirst().get();
                    if (!b.ok()) {
                        return null;
                    }
                    done.add(b);
                }
                if (eof) {
                    return result(done);
                }
            }
        } catch (IOException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <S> Result<S> result(List<Block<S>> blocks) {
        boolean ascending = true;
        long last = 0;
        List<S> sinks = new ArrayList<>(blocks.size());
        for (Block<S> b : blocks) {
            sinks.add(b.sink());
            if (b.firstId() != 0) {
                ascending &= b.ascending() && b.firstId() > last;
                last = b.lastId();
            }
        }
        return new Result<>(sinks, ascending);
    }

    private static <S> Block<S> block(
            byte[] buf,
            int start,
            int end,
            String[] keys,
            IntFunction<S> newSink,
            JsonlStreamReader.RecordMapper<S> mapper) {
        int capacity = (end - start) / 160 + 16;
        if (!Utf8.valid(buf, start, end)) {
            return new Block<>(newSink.apply(0), 0, 0, false, false);
        }
        Block<S> scanned = scanned(buf, start, end, keys, newSink.apply(capacity), mapper);
        return scanned != null ? scanned : parsed(buf, start, end, keys, newSink.apply(capacity), mapper);
    }

    /** The block as the scanner reads it, or null when it leaves the block to the parser. */
    static <S> Block<S> scanned(
            byte[] buf, int start, int end, String[] keys, S sink, JsonlStreamReader.RecordMapper<S> mapper) {
        JsonLineScanner scanner = new JsonLineScanner(buf, start, end, keys);
        Ids ids = new Ids();
        try {
            while (scanner.nextRecord()) {
                ids.add(mapper.map(scanner, sink));
            }
            return ids.block(sink);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (RuntimeException e) {
            if (e == JsonlStreamReader.FALLBACK) {
                return null;
            }
            throw e;
        }
    }

    /** The block as Jackson's streaming parser reads it. */
    static <S> Block<S> parsed(
            byte[] buf, int start, int end, String[] keys, S sink, JsonlStreamReader.RecordMapper<S> mapper) {
        Ids ids = new Ids();
        try (JsonParser p = JsonlStreamReader.parser(buf, start, end)) {
            ParserFields fields = new ParserFields(p, keys);
            int lastLine = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = lineOf(p);
                if (t != JsonToken.START_OBJECT || line <= lastLine) {
                    return new Block<>(sink, 0, 0, false, false);
                }
                long id = mapper.map(fields, sink);
                lastLine = lineOf(p);
                if (lastLine != line) {
                    return new Block<>(sink, 0, 0, false, false);
                }
                ids.add(id);
            }
            return ids.block(sink);
        } catch (IOException | IllegalArgumentException e) {
            return new Block<>(sink, 0, 0, false, false);
        } catch (RuntimeException e) {
            if (e == JsonlStreamReader.FALLBACK) {
                return new Block<>(sink, 0, 0, false, false);
            }
            throw e;
        }
    }

    /** A block's first and last ids, and whether they ascend strictly, as its records are read. */
    private static final class Ids {
        private long first;
        private long last;
        private boolean ascending = true;

        void add(long id) {
            ascending &= id > last;
            first = first == 0 ? id : first;
            last = id;
        }

        <S> Block<S> block(S sink) {
            return new Block<>(sink, first, last, ascending, true);
        }
    }

    /** The line of the current token; without allocating a location where the parser allows it. */
    private static int lineOf(JsonParser p) {
        return p instanceof ParserBase base
                ? base.getTokenLineNr()
                : p.currentTokenLocation().getLineNr();
    }

    private static int lastNewline(byte[] buf, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean bom(byte[] buf, int end) {
        return end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF;
    }
}
