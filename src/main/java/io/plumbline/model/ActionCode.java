package io.plumbline.model;

import java.util.Arrays;
import java.util.List;

/** The only four Zendesk writes Plumbline can prepare, in plan order. */
public enum ActionCode {
    SET_ORG_EXTERNAL_ID("set_org_external_id"),
    ADD_ORG_DOMAIN("add_org_domain"),
    ASSIGN_USER_TO_ORG("assign_user_to_org"),
    MOVE_USER_TO_ORG("move_user_to_org");

    private final String code;

    ActionCode(String code) {
        this.code = code;
    }

    /** The wire name used in plans, receipts and on the command line. */
    public String code() {
        return code;
    }

    /** Parses a wire name; throws naming the accepted values when unknown. */
    public static ActionCode fromCode(String code) {
        for (ActionCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown action code '" + code + "' (expected one of " + String.join(", ", codes()) + ")");
    }

    /** Every wire name, in plan order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(ActionCode::code).toList();
    }
}
