package io.plumbline.snapshot;

import io.plumbline.errors.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * The CRC-32C checksum (8 lower-case hex digits) of each file of a snapshot that an audit reads, by its
 * path in the snapshot folder; files the snapshot does not have are left out. The checksum tells an
 * edited or replaced file from the one read, at a few GB a second: a cryptographic hash would cost a
 * large tenant's audit several CPU seconds, and guarding against a deliberate collision is the plan
 * hash's job, not this one's. A run records them in its receipt so that a later
 * trace or report of the run can tell when the files it re-reads are no longer the ones the run read.
 */
public final class InputFingerprints {
    private InputFingerprints() {}

    /**
     * The fingerprints of the files {@code source} holds: for a {@link ChecksummedSource}, those taken
     * as its files were read to their end, and for any other file, read now.
     */
    public static SortedMap<String, String> of(InputSource source) {
        Map<String, String> known = source instanceof ChecksummedSource c ? c.readToEnd() : Map.of();
        SortedMap<String, String> out = new TreeMap<>();
        for (String file : SnapshotLayout.FILES) {
            if (known.containsKey(file)) {
                out.put(file, known.get(file));
                continue;
            }
            try (InputStream in = source.open(file)) {
                if (in != null) {
                    out.put(file, crc32c(in));
                }
            } catch (IOException e) {
                throw new InputException(source.displayName(file), 0, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The files whose fingerprint differs between {@code recorded} and {@code now}, sorted: changed,
     * added or removed.
     */
    public static List<String> changed(Map<String, String> recorded, Map<String, String> now) {
        SortedSet<String> files = new TreeSet<>(recorded.keySet());
        files.addAll(now.keySet());
        return files.stream()
                .filter(f -> !Objects.equals(recorded.get(f), now.get(f)))
                .toList();
    }

    /** Reads {@code in} to its end (without closing it) and returns the CRC-32C of what it read. */
    static String crc32c(InputStream in) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            crc.update(buffer, 0, n);
        }
        return hex(crc);
    }

    static String hex(CRC32C crc) {
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
