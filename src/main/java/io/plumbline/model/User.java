package io.plumbline.model;

import java.util.Objects;

/**
 * A Zendesk user: the fields Plumbline reads. {@code organizationId} is the user's default org (null
 * when none).
 */
public record User(
        ZendeskUserId id,
        String email,
        String name,
        String role,
        ZendeskOrgId organizationId,
        boolean active,
        boolean suspended) {
    public static final String END_USER = "end-user";

    public User {
        Objects.requireNonNull(id, "id");
        email = Texts.orEmpty(email);
        name = Texts.orEmpty(name);
        role = Texts.orEmpty(role);
    }

    /** Only active, unsuspended end-users take part in resolution. */
    public boolean eligible() {
        return END_USER.equals(role) && active && !suspended && !email.isBlank();
    }
}
