package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Recognises Zendesk's refusal to create a membership that exists already, in the single create's 422
 * body ({@code {"error":"RecordInvalid","details":{"user_id":[{"error":"DuplicateValue",...}]}}}) and in
 * a bulk job's item error ({@code {"index":3,"error":"DuplicateValue","details":...}}) alike: a
 * {@code DuplicateValue} on {@code user_id} or {@code organization_id}, or Zendesk's words "already a
 * member". Any other error (a duplicate external_id, a missing user) is not one.
 */
public final class MembershipErrors {
    private static final List<String> FIELDS = List.of("user_id", "organization_id");
    private static final String DUPLICATE = "DuplicateValue";

    private MembershipErrors() {}

    /** Whether this error body (or job result item) says the user already belongs to the org. */
    public static boolean alreadyMember(JsonNode error) {
        if (error == null || !error.isObject()) {
            return false;
        }
        JsonNode details = error.path("details");
        for (String field : FIELDS) {
            for (JsonNode entry : details.path(field)) {
                if (DUPLICATE.equals(entry.path("error").asText())) {
                    return true;
                }
            }
        }
        return saysAlreadyMember(error.path("error"))
                || saysAlreadyMember(error.path("description"))
                || saysAlreadyMember(details)
                || (DUPLICATE.equals(error.path("error").asText()) && namesMembershipField(details));
    }

    private static boolean saysAlreadyMember(JsonNode n) {
        String text = n.isValueNode() ? n.asText("") : n.toString();
        return text.toLowerCase(Locale.ROOT).contains("already a member");
    }

    /** An item error's details that name the membership's own fields ({@code "user_id: ..."}). */
    private static boolean namesMembershipField(JsonNode details) {
        if (details.isObject()) {
            return FIELDS.stream().anyMatch(details::has);
        }
        String text = details.asText("").toLowerCase(Locale.ROOT);
        return FIELDS.stream().anyMatch(text::startsWith);
    }
}
