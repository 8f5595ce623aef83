package io.plumbline.errors;

/** Apply or undo refused (exit 5): a hash mismatch, a demo plan, a missing confirmation. */
public final class ApplyRefusedException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    public ApplyRefusedException(String message) {
        super(ExitCodes.APPLY_REFUSED, message);
    }
}
