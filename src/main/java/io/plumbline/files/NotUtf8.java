package io.plumbline.files;

/**
 * What a file that is not UTF-8 most likely is, from where its first bad byte stands: said after the
 * error, so that a CSV or JSONL saved as UTF-16 or left compressed is named as such.
 */
public final class NotUtf8 {
    private NotUtf8() {}

    /**
     * The hint for a first bad byte {@code b} (0 to 255) at {@code character} (from 1) of {@code line} (from
     * 1), led by a space; "" when the bytes say nothing more.
     */
    public static String hint(long line, long character, int b, String utf16Advice) {
        if (line == 1 && character == 1 && (b == 0xFF || b == 0xFE)) {
            return " (it starts as UTF-16 text does" + utf16Advice + ")";
        }
        if (line == 1 && character == 2 && b == 0x8B) {
            return " (it starts as a gzip file does: decompress it first)";
        }
        return "";
    }
}
