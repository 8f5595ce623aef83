package io.plumbline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.ActionCode;
import io.plumbline.model.MembershipId;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link FixPlan}, in the member order of the contract, and its reverse. Reading
 * validates every member and names the one that is wrong.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> MEMBERS = List.of(
            "schema_version", "plan_hash", "generated_at", "run_id", "source", "demo", "caps_default", "actions");

    private PlanJson() {}

    /**
     * The plan as a JSON tree, with its {@code plan_hash}: the one the plan carries, or when it carries
     * none (see {@link #withHash}), computed over the rest.
     */
    public static ObjectNode toJson(FixPlan plan) {
        ObjectNode root = tree(plan);
        root.put("plan_hash", plan.planHash().isEmpty() ? PlanHash.of(root) : plan.planHash());
        return root;
    }

    /** A plan with its hash computed over its content (any hash it carried is replaced). */
    public static FixPlan withHash(FixPlan plan) {
        return plan.withPlanHash(PlanHash.of(tree(plan)));
    }

    /** The plan's tree with an empty {@code plan_hash} in its place. */
    private static ObjectNode tree(FixPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", plan.schemaVersion());
        root.put("plan_hash", "");
        root.put("generated_at", plan.generatedAt().toString());
        root.put("run_id", plan.runId());
        root.set("source", MAPPER.valueToTree(plan.source()));
        root.put("demo", plan.demo());
        ObjectNode caps = root.putObject("caps_default");
        caps.put("max_actions", plan.capsDefault().maxActions());
        caps.put("max_per_account", plan.capsDefault().maxPerAccount());
        ArrayNode actions = root.putArray("actions");
        plan.actions().forEach(a -> actions.add(action(a)));
        return root;
    }

    private static ObjectNode action(PlannedAction a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("action_id", a.actionId());
        n.put("action_code", a.code().code());
        n.put("status", a.status().code());
        putText(n, "sf_account_id", a.accountId() == null ? null : a.accountId().value());
        putId(n, "zendesk_org_id", a.orgId() == null ? null : a.orgId().value());
        putId(n, "zendesk_user_id", a.userId() == null ? null : a.userId().value());
        putId(
                n,
                "membership_id",
                a.membershipId() == null ? null : a.membershipId().value());
        n.put("value", a.value());
        n.set("preconditions", MAPPER.valueToTree(a.preconditions()));
        n.put("blocked_reason", a.blockedReason());
        ArrayNode ids = n.putArray("issue_ids");
        a.issueIds().forEach(ids::add);
        return n;
    }

    private static void putText(ObjectNode n, String name, String v) {
        if (v == null) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    private static void putId(ObjectNode n, String name, Long v) {
        if (v == null) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    /**
     * The top-level members of a plan that {@code root} lacks, in contract order: empty for anything
     * shaped like a plan (its members may still be wrong; {@link #fromJson} names those).
     */
    public static List<String> missingMembers(JsonNode root) {
        return MEMBERS.stream().filter(name -> !root.has(name)).toList();
    }

    /** Reads a plan; throws {@link IllegalArgumentException} naming the member that is wrong. */
    public static FixPlan fromJson(JsonNode root) {
        Reader r = new Reader(root, "plan");
        int version = (int) r.requiredLong("schema_version");
        if (version != FixPlan.SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "plan: schema_version " + version + " is not supported (expected " + FixPlan.SCHEMA_VERSION + ")");
        }
        List<PlannedAction> actions = new ArrayList<>();
        JsonNode list = r.required("actions");
        if (!list.isArray()) {
            throw new IllegalArgumentException("plan: actions must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            actions.add(action(new Reader(list.get(i), "plan: actions[" + i + "]")));
        }
        Reader caps = new Reader(r.required("caps_default"), "plan: caps_default");
        @SuppressWarnings("unchecked")
        Map<String, Object> source = MAPPER.convertValue(r.required("source"), TreeMap.class);
        return new FixPlan(
                version,
                r.requiredText("plan_hash"),
                Instant.parse(r.requiredText("generated_at")),
                r.requiredText("run_id"),
                source,
                r.required("demo").asBoolean(),
                new Caps((int) caps.requiredLong("max_actions"), (int) caps.requiredLong("max_per_account")),
                actions);
    }

    private static PlannedAction action(Reader r) {
        String account = r.optionalText("sf_account_id");
        Long org = r.optionalLong("zendesk_org_id");
        Long user = r.optionalLong("zendesk_user_id");
        Long membership = r.optionalLong("membership_id");
        @SuppressWarnings("unchecked")
        Map<String, Object> pre = MAPPER.convertValue(r.required("preconditions"), TreeMap.class);
        List<String> issues = new ArrayList<>();
        r.required("issue_ids").forEach(n -> issues.add(n.asText()));
        return new PlannedAction(
                r.requiredText("action_id"),
                ActionCode.fromCode(r.requiredText("action_code")),
                ActionStatus.fromCode(r.requiredText("status")),
                account == null ? null : new SalesforceAccountId(account),
                org == null ? null : new ZendeskOrgId(org),
                user == null ? null : new ZendeskUserId(user),
                membership == null ? null : new MembershipId(membership),
                r.requiredText("value"),
                pre,
                r.requiredText("blocked_reason"),
                issues);
    }

    /** Strict member access that names the member and its parent in every error. */
    private record Reader(JsonNode node, String where) {
        Reader {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + " must be a JSON object");
            }
        }

        JsonNode required(String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                throw new IllegalArgumentException(where + ": missing member '" + name + "'");
            }
            return v;
        }

        String requiredText(String name) {
            JsonNode v = required(name);
            if (!v.isTextual()) {
                throw new IllegalArgumentException(where + ": '" + name + "' must be a string");
            }
            return v.asText();
        }

        String optionalText(String name) {
            JsonNode v = required(name);
            return v.isNull() ? null : requiredText(name);
        }

        long requiredLong(String name) {
            JsonNode v = required(name);
            if (!v.canConvertToExactIntegral() || !v.isNumber()) {
                throw new IllegalArgumentException(where + ": '" + name + "' must be an integer");
            }
            return v.asLong();
        }

        Long optionalLong(String name) {
            JsonNode v = required(name);
            return v.isNull() ? null : requiredLong(name);
        }
    }
}
