package io.plumbline.model;

/** Small null-safe string helpers shared by the value records. */
public final class Texts {
    private Texts() {}

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
