package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;
import io.plumbline.resolve.ResolutionSettings;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The {@code audit:} section: the ticket window, and the personal email domains added to the built-in
 * list ({@code personal_domains_extra}) or taken off it ({@code personal_domains_removed}: a built-in
 * one that is a customer's own domain).
 */
public record AuditConfig(
        @JsonProperty("ticket_lookback_days") Integer ticketLookbackDays,
        @JsonProperty("personal_domains_extra") List<String> personalDomainsExtra,
        @JsonProperty("personal_domains_removed") List<String> personalDomainsRemoved) {
    public AuditConfig {
        ticketLookbackDays = ticketLookbackDays == null ? ResolutionSettings.DEFAULT_LOOKBACK_DAYS : ticketLookbackDays;
        if (!ResolutionSettings.lookbackInRange(ticketLookbackDays)) {
            throw lookbackOutOfRange(ticketLookbackDays);
        }
        if (personalDomainsExtra != null && personalDomainsExtra.stream().anyMatch(Objects::isNull)) {
            throw ConfigException.atKey(
                    "audit.personal_domains_extra", "audit.personal_domains_extra has an empty entry; remove it");
        }
        if (personalDomainsRemoved != null && personalDomainsRemoved.stream().anyMatch(Objects::isNull)) {
            throw ConfigException.atKey(
                    "audit.personal_domains_removed", "audit.personal_domains_removed has an empty entry; remove it");
        }
        personalDomainsExtra = personalDomainsExtra == null ? List.of() : List.copyOf(personalDomainsExtra);
        personalDomainsRemoved = personalDomainsRemoved == null ? List.of() : List.copyOf(personalDomainsRemoved);
        String problem = ResolutionSettings.personalDomainsProblem(personalDomainsExtra, personalDomainsRemoved);
        if (problem != null) {
            throw ConfigException.atKey(
                    problem.startsWith("personal_domains_removed")
                            ? "audit.personal_domains_removed"
                            : "audit.personal_domains_extra",
                    "audit." + problem);
        }
    }

    /**
     * The section as the config file gives it: the lookback read as any whole number, so that one too
     * large for an int is still told the 1 to 3650 range rather than the int's limit.
     */
    @JsonCreator
    static AuditConfig read(
            @JsonProperty("ticket_lookback_days") BigInteger ticketLookbackDays,
            @JsonProperty("personal_domains_extra") List<String> personalDomainsExtra,
            @JsonProperty("personal_domains_removed") List<String> personalDomainsRemoved) {
        if (ticketLookbackDays != null && ticketLookbackDays.bitLength() >= Integer.SIZE) {
            throw lookbackOutOfRange(ticketLookbackDays);
        }
        return new AuditConfig(
                ticketLookbackDays == null ? null : ticketLookbackDays.intValue(),
                personalDomainsExtra,
                personalDomainsRemoved);
    }

    private static ConfigException lookbackOutOfRange(Object days) {
        return ConfigException.atKey(
                "audit.ticket_lookback_days",
                "audit.ticket_lookback_days must be between 1 and " + ResolutionSettings.MAX_LOOKBACK_DAYS
                        + " days, found " + days);
    }

    public AuditConfig(Integer ticketLookbackDays, List<String> personalDomainsExtra) {
        this(ticketLookbackDays, personalDomainsExtra, null);
    }

    public static AuditConfig defaults() {
        return new AuditConfig(null, null, null);
    }
}
