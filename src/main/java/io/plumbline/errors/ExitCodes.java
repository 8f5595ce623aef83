package io.plumbline.errors;

/** The process exit codes of the contract. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAIL_ON = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int REMOTE = 4;
    public static final int APPLY_REFUSED = 5;

    private ExitCodes() {}
}
