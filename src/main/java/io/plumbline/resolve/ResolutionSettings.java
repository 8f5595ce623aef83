package io.plumbline.resolve;

import io.plumbline.normalize.PersonalDomains;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The knobs of resolution and detection: the personal-domain list and the ticket lookback. */
public record ResolutionSettings(PersonalDomains personalDomains, int ticketLookbackDays) {
    public static final int DEFAULT_LOOKBACK_DAYS = 30;
    /** The longest ticket lookback: ten years. */
    public static final int MAX_LOOKBACK_DAYS = 3650;

    public ResolutionSettings {
        Objects.requireNonNull(personalDomains, "personalDomains");
        if (!lookbackInRange(ticketLookbackDays)) {
            throw new IllegalArgumentException(
                    "ticket lookback must be between 1 and " + MAX_LOOKBACK_DAYS + " days: " + ticketLookbackDays);
        }
    }

    /** Whether a lookback of {@code days} can be used: 1 to {@link #MAX_LOOKBACK_DAYS}. */
    public static boolean lookbackInRange(int days) {
        return days >= 1 && days <= MAX_LOOKBACK_DAYS;
    }

    /** What is wrong with a list of extra personal domains, or null when every entry is a domain. */
    public static String personalDomainsProblem(List<String> extra) {
        return personalDomainsProblem(extra, List.of());
    }

    /** Why the personal-domain list changes cannot be made, or null when they can. */
    public static String personalDomainsProblem(List<String> extra, List<String> removed) {
        try {
            PersonalDomains.with(extra, removed);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
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
