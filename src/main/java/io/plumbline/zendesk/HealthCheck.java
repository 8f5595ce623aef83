package io.plumbline.zendesk;

import java.util.Objects;

/**
 * One finding of {@code doctor}: whether it passed, what was checked and found, and when it did not
 * pass, what to do about it and the exit code it stands for.
 */
public record HealthCheck(Status status, String area, String message, String fix, int exitCode) {
    /** How a check came out. */
    public enum Status {
        OK,
        WARN,
        FAIL
    }

    public HealthCheck {
        Objects.requireNonNull(status, "status");
        fix = fix == null ? "" : fix;
    }

    public static HealthCheck ok(String area, String message) {
        return new HealthCheck(Status.OK, area, message, "", 0);
    }

    public static HealthCheck warn(String area, String message, String fix) {
        return new HealthCheck(Status.WARN, area, message, fix, 0);
    }

    public static HealthCheck fail(String area, String message, String fix, int exitCode) {
        return new HealthCheck(Status.FAIL, area, message, fix, exitCode);
    }
}
