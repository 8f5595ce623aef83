package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Signs in through an {@code sf} CLI alias: runs {@code sf org display --target-org ALIAS --json} and
 * takes the access token and instance URL it prints. The CLI's output holds the token, so it is parsed
 * and dropped, never echoed; only the CLI's own error name and message reach the user.
 */
final class SfCliLogin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SfCliLogin() {}

    static SalesforceSession login(String alias, CommandRunner runner) {
        checkAlias(alias);
        List<String> command = List.of(executable(), "org", "display", "--target-org", alias, "--json");
        CommandRunner.Result result;
        try {
            result = runner.run(command);
        } catch (IOException e) {
            throw new ConfigException(
                    "salesforce.target_org: cannot run the Salesforce CLI (`" + command.get(0) + "`): install it"
                            + " from https://developer.salesforce.com/tools/salesforcecli, or sign in with"
                            + " access_token_env, client credentials or jwt instead");
        }
        JsonNode json = parse(result.stdout());
        if (json == null) {
            json = parse(result.stderr());
        }
        if (json == null) {
            throw new ConfigException("salesforce.target_org: `sf org display` for '" + alias
                    + "' did not print JSON (exit code " + result.exitCode() + "); run it by hand to see why");
        }
        if (result.exitCode() != 0 || json.path("status").asInt(0) != 0) {
            throw unknownAlias(alias, json);
        }
        return session(alias, json.path("result"));
    }

    private static SalesforceSession session(String alias, JsonNode result) {
        String token = result.path("accessToken").asText("");
        if (token.isBlank()) {
            throw new ConfigException("salesforce.target_org: the sf CLI has no access token for '" + alias
                    + "' (status: " + result.path("connectedStatus").asText("unknown") + "); "
                    + AuthMethod.SF_CLI.reauthHint(alias));
        }
        String raw = result.path("instanceUrl").asText("");
        URI instance = InstanceUrls.parse(raw);
        if (instance == null) {
            throw new ConfigException("salesforce.target_org: the sf CLI's instance URL for '" + alias
                    + "' is unusable because " + InstanceUrls.problem(raw));
        }
        return new SalesforceSession(instance, token, AuthMethod.SF_CLI, alias);
    }

    private static ConfigException unknownAlias(String alias, JsonNode json) {
        String name = json.path("name").asText("error");
        String message = json.path("message").asText("").strip();
        return new ConfigException("salesforce.target_org: the sf CLI cannot use org '" + alias + "' (" + name
                + (message.isEmpty() ? "" : ": " + message) + "); list known orgs with `sf org list`, or log in"
                + " with `sf org login web --alias " + alias + "`");
    }

    private static JsonNode parse(String text) {
        int start = text == null ? -1 : text.indexOf('{');
        if (start < 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void checkAlias(String alias) {
        if (alias.isBlank() || alias.startsWith("-") || !alias.strip().equals(alias)) {
            throw new ConfigException("salesforce.target_org: '" + alias + "' is not an sf CLI alias or username");
        }
    }

    private static String executable() {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows ? "sf.cmd" : "sf";
    }
}
