package io.plumbline.salesforce.emulator;

/** An error the emulator answers with, in Salesforce's {@code [{"message","errorCode"}]} shape. */
final class EmulatorError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String errorCode;

    EmulatorError(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }
}
