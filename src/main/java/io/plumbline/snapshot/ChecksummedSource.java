package io.plumbline.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * An input source that takes the checksum of each file ({@link InputFingerprints}' form) as the reader
 * reads it, so that the checksums are of the bytes the audit read, without a second pass over the files.
 * A file counts once a read of it has reached its end and been closed.
 */
public final class ChecksummedSource implements InputSource {
    private final InputSource inner;
    private final Map<String, String> readToEnd = new ConcurrentHashMap<>();

    public ChecksummedSource(InputSource inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        InputStream in = inner.open(relativePath);
        if (in == null) {
            return null;
        }
        CRC32C crc = new CRC32C();
        return new CheckedInputStream(in, crc) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                int b = super.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                if (ended) {
                    readToEnd.put(relativePath, InputFingerprints.hex(crc));
                }
                super.close();
            }
        };
    }

    @Override
    public String displayName(String relativePath) {
        return inner.displayName(relativePath);
    }

    @Override
    public List<String> unread() {
        return inner.unread();
    }

    /** The checksums of the files read to their end so far, by path. */
    Map<String, String> readToEnd() {
        return Map.copyOf(readToEnd);
    }
}
