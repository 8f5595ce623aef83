package io.plumbline.zendesk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 exactly as the JDK's strict decoder judges them (no
 * overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequences) and hold no NUL,
 * eight ASCII bytes at a time where it can.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    private Utf8() {}

    /** True when {@code b[from, to)} is valid UTF-8 without NUL bytes. */
    static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to) {
                long v = (long) LONGS.get(b, i);
                if (((v | ((v - ONES) & ~v)) & HIGH_BITS) == 0) {
                    i += 8;
                    continue;
                }
            }
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = sequence(b, i, to, c);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** The length of the multi-byte sequence starting with lead byte {@code c} at {@code i}, or 0 when malformed. */
    private static int sequence(byte[] b, int i, int to, int c) {
        int len;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + len > to) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return len;
    }
}
