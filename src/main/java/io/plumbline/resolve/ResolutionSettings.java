package io.plumbline.resolve;

import io.plumbline.normalize.PersonalDomains;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The knobs of resolution and detection: the personal-domain list and the ticket lookback. */
public record ResolutionSettings(PersonalDomains personalDomains, int ticketLookbackDays) {
    public static final int DEFAULT_LOOKBACK_DAYS = 30;

    public ResolutionSettings {
        Objects.requireNonNull(personalDomains, "personalDomains");
        if (ticketLookbackDays < 1 || ticketLookbackDays > 3650) {
            throw new IllegalArgumentException(
                    "ticket lookback must be between 1 and 3650 days: " + ticketLookbackDays);
        }
    }

    public static ResolutionSettings defaults() {
        return new ResolutionSettings(PersonalDomains.builtIn(), DEFAULT_LOOKBACK_DAYS);
    }

    /** The ticket lookback as a duration. */
    public Duration ticketLookback() {
        return Duration.ofDays(ticketLookbackDays);
    }

    /** Where the ticket window of an audit as of {@code asOf} starts: tickets active since then count. */
    public Instant ticketWindowStart(Instant asOf) {
        return asOf.minus(ticketLookback());
    }
}
