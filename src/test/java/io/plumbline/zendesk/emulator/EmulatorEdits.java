package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Changes to the emulated account made directly, as another admin or integration would make them
 * while Plumbline is not looking: not requests, so they are not in the request log. Each follows the
 * same rules as the write endpoints and fails loudly when it cannot be made.
 */
public final class EmulatorEdits {
    private final Object lock;
    private final EmulatorState state;
    private final Supplier<Instant> now;

    EmulatorEdits(Object lock, EmulatorState state, Supplier<Instant> now) {
        this.lock = lock;
        this.state = state;
        this.now = now;
    }

    /** Updates an org's fields, e.g. {@code {"external_id": "X"}} or {@code {"domain_names": [...]}}. */
    public void updateOrganization(long id, String fieldsJson) {
        synchronized (lock) {
            state.changed();
            ObjectNode org = state.liveOrganization(id).orElseThrow(() -> new IllegalArgumentException("no org " + id));
            state.updateOrganization(org, json(fieldsJson), now.get()).ifPresent(invalid -> {
                throw new IllegalArgumentException("org " + id + ": " + invalid);
            });
        }
    }

    /** Adds the user to the org (the first membership becomes the default, as in Zendesk). */
    public void addMembership(long userId, long orgId) {
        synchronized (lock) {
            state.changed();
            if (state.createMembership(userId, orgId, now.get()) instanceof EmulatorState.Invalid invalid) {
                throw new IllegalArgumentException("user " + userId + " in org " + orgId + ": " + invalid);
            }
        }
    }

    /** Removes the user's membership in the org, as another admin would. */
    public void removeMembership(long userId, long orgId) {
        synchronized (lock) {
            state.changed();
            state.deleteMembership(membership(userId, orgId), now.get());
        }
    }

    /** Makes the user's existing membership in the org their default. */
    public void makeDefault(long userId, long orgId) {
        synchronized (lock) {
            state.changed();
            state.makeDefault(membership(userId, orgId), now.get());
        }
    }

    private ObjectNode membership(long userId, long orgId) {
        return state.membershipsOfUser(userId).stream()
                .filter(x -> x.path("organization_id").asLong() == orgId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user " + userId + " not in org " + orgId));
    }

    private static JsonNode json(String text) {
        try {
            return EmulatorState.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
