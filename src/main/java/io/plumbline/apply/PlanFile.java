package io.plumbline.apply;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.errors.ApplyRefusedException;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.plan.FixPlan;
import io.plumbline.plan.PlanHash;
import io.plumbline.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a fix_plan.json and proves it is the plan that was reviewed: a file without the members of a
 * plan is not one (an input error naming them); a plan's content must hash to its own {@code
 * plan_hash}, so an edited plan is refused before anything else happens.
 */
public record PlanFile(Path path, FixPlan plan) {
    public static PlanFile read(Path path) {
        JsonNode json = readJson(path);
        List<String> missing = PlanJson.missingMembers(json);
        if (!missing.isEmpty()) {
            throw new InputException(
                    path.toString(),
                    0,
                    0,
                    "not a fix plan: missing member" + (missing.size() == 1 ? " '" : "s '")
                            + String.join("', '", missing) + "'; pass the fix_plan.json of an audit run folder");
        }
        String recorded = json.path("plan_hash").asText("");
        String actual = PlanHash.of(json);
        if (!actual.equals(recorded)) {
            throw new ApplyRefusedException(path + ": the plan's content does not match its plan_hash (recorded "
                    + recorded + ", content hashes to " + actual + "); it was edited after the audit. Re-run the audit "
                    + "and review the new plan.");
        }
        try {
            return new PlanFile(path, PlanJson.fromJson(json));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InputException(path.toString(), 0, 0, e.getMessage(), e);
        }
    }

    static JsonNode readJson(Path path) {
        if (!Files.isRegularFile(path)) {
            // a path that names no file is a usage error (exit 2), as a missing --snapshot or --run is
            throw new ConfigException(path + ": file not found; pass the fix_plan.json of an audit run folder");
        }
        try {
            JsonNode node = ReceiptFile.MAPPER.readTree(Files.readString(path));
            if (node == null || !node.isObject()) {
                throw new InputException(path.toString(), 0, 0, "not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw JsonErrors.malformed(path.toString(), e);
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Refuses a live apply unless it is confirmed with this plan's hash and the plan is not a demo plan. */
    public void checkLive(String confirmedHash) {
        if (plan.demo()) {
            throw new ApplyRefusedException(path + ": this is a demo plan; demo plans are dry-run only. Run the audit "
                    + "against your own Zendesk to get a plan you can apply.");
        }
        // the refusals do not print the hash: confirming it is to say this plan was reviewed, so it is taken
        // from the review (the dry run's readout, or the audit's), not from the refusal
        String review = "review the plan with a dry run (apply --plan " + path + " without --apply) and confirm "
                + "the plan_hash its readout ends with";
        if (confirmedHash == null || confirmedHash.isBlank()) {
            throw new ApplyRefusedException(
                    "--apply needs --confirm-plan-hash with the plan_hash of the plan you reviewed: " + review);
        }
        if (!confirmedHash.strip().equalsIgnoreCase(plan.planHash())) {
            throw new ApplyRefusedException("--confirm-plan-hash " + confirmedHash.strip() + " does not match the "
                    + "plan's plan_hash: " + path + " is not the plan that hash was read from, or has changed "
                    + "since; " + review);
        }
    }

    /** The Zendesk the plan was audited against ({@code source.zendesk}), or "" when its snapshot did not say. */
    public String zendesk() {
        return plan.source().get("zendesk") instanceof String name ? name : "";
    }

    /**
     * Refuses to apply the plan, live or dry, to another Zendesk than {@code target} when it names the one it
     * was audited against: its org, user and membership ids are that Zendesk's, and on another one they name
     * other records or none.
     */
    public void checkZendesk(String target) {
        if (!zendesk().isEmpty() && !zendesk().equalsIgnoreCase(target)) {
            throw new ApplyRefusedException(path + ": this plan was audited against the Zendesk at " + zendesk()
                    + ", but the config points at " + target + "; its org, user and membership ids are those of "
                    + zendesk() + " (Zendesks are compared by host, port and path). Apply it with the config of "
                    + "that Zendesk, or audit " + target + " for a plan of its own.");
        }
    }

    /**
     * When the Zendesk state the plan was made from ({@code source.as_of}) is older than {@code maxAge} at
     * {@code now}: how old it is. Empty for a fresh plan, or one that does not say when its state was read
     * ({@link #ageUnknown}).
     */
    public Optional<Duration> staleness(Instant now, Duration maxAge) {
        Object asOf = plan.source().get("as_of");
        if (!(asOf instanceof String text) || ageUnknown().isPresent()) {
            return Optional.empty();
        }
        try {
            Duration age = Duration.between(Instant.parse(text), now);
            return age.compareTo(maxAge) > 0 ? Optional.of(age) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why a plan's age cannot be told, and what to do for a plan that can be applied. */
    public record AgeUnknown(String why, String fix) {}

    /**
     * Why how old the plan's Zendesk state is cannot be told, for a plan whose {@code source.as_of} is later
     * than the plan itself ({@code generated_at}, a minute's leeway for clocks: audited with an {@code
     * --as-of} in the future), or is the epoch (its audit found no instant at all: a snapshot without
     * {@code snapshot.json} and without tickets); empty for any other plan.
     */
    public Optional<AgeUnknown> ageUnknown() {
        try {
            Instant asOf = Instant.parse(String.valueOf(plan.source().get("as_of")));
            if (asOf.equals(Instant.EPOCH)) {
                return Optional.of(new AgeUnknown(
                        "its source.as_of is " + asOf + ": its audit found no instant for the Zendesk state (the "
                                + "snapshot has no snapshot.json captured_at and no ticket), so how old that state is "
                                + "cannot be told",
                        "Add snapshot.json with the instant of the export ({\"captured_at\": "
                                + "\"2026-04-17T09:00:00Z\"}) to the snapshot folder, or audit with --as-of that "
                                + "instant, review the new plan, and apply that."));
            }
            if (plan.generatedAt() != null && asOf.isAfter(plan.generatedAt().plus(Duration.ofMinutes(1)))) {
                return Optional.of(new AgeUnknown(
                        "its source.as_of " + asOf + " is after the plan was made (generated_at "
                                + plan.generatedAt() + "): it was audited with an --as-of in the future, so how old"
                                + " its Zendesk state is cannot be told",
                        "Audit again without --as-of (or with one not later than the data), review the new plan, "
                                + "and apply that."));
            }
        } catch (DateTimeParseException e) {
            // no instant: nothing to compare
        }
        return Optional.empty();
    }

    /**
     * Refuses a live apply of a plan whose Zendesk state is older than {@code maxAge} at {@code now}, or
     * whose age cannot be told ({@link #ageUnknown}).
     */
    public void checkFresh(Instant now, Duration maxAge) {
        ageUnknown().ifPresent(u -> {
            throw new ApplyRefusedException(path + ": " + u.why() + ". " + u.fix());
        });
        staleness(now, maxAge).ifPresent(age -> {
            throw new ApplyRefusedException(
                    path + ": stale plan: " + describeAge(age, maxAge)
                            + ". Re-run the audit and review the new plan, or pass --max-plan-age-days to accept an older one.");
        });
    }

    /** Says how old the plan's Zendesk state is, against the limit. */
    public String describeAge(Duration age, Duration maxAge) {
        return "it was made from Zendesk as it was at " + plan.source().get("as_of") + ", " + days(age)
                + " ago, over the limit of " + days(maxAge);
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days >= 1
                ? days + (days == 1 ? " day" : " days")
                : d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
}
