package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Signs in through an {@code sf} CLI alias: runs {@code sf org display --target-org ALIAS --json} and
 * takes the instance URL it prints, and the access token too when it prints one. Since version 2.136.8
 * the CLI prints a placeholder ({@code [REDACTED] Use 'sf org auth show-access-token' to view}) in its
 * place, and the token is then taken from {@code sf org auth show-access-token --target-org ALIAS --json
 * --no-prompt}. The CLI's output holds the token, so it is parsed and dropped, never echoed; only the
 * CLI's own error name and message reach the user.
 */
final class SfCliLogin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SfCliLogin() {}

    static SalesforceSession login(String alias, CommandRunner runner) {
        checkAlias(alias);
        JsonNode display = run(runner, alias, "org", "display");
        String raw = display.path("instanceUrl").asText("");
        URI instance = InstanceUrls.parse(raw);
        if (instance == null) {
            throw new ConfigException("salesforce.target_org: the sf CLI's instance URL for '" + alias
                    + "' is unusable because " + InstanceUrls.problem(raw));
        }
        String token = display.path("accessToken").asText("");
        if (!usable(token)) {
            if (token.isBlank()
                    && !display.path("connectedStatus").asText("Connected").equals("Connected")) {
                throw noToken(
                        alias, "status: " + display.path("connectedStatus").asText());
            }
            token = run(runner, alias, "org", "auth", "show-access-token", "--no-prompt")
                    .path("accessToken")
                    .asText("");
            if (!usable(token)) {
                throw noToken(alias, "`sf org auth show-access-token` printed none that can be sent as it is");
            }
        }
        return new SalesforceSession(instance, token, AuthMethod.SF_CLI, alias);
    }

    /**
     * Runs {@code sf SUBCOMMAND... --target-org ALIAS --json} and returns the {@code result} of what it
     * printed, or throws a {@link ConfigException} saying why there is none.
     */
    private static JsonNode run(CommandRunner runner, String alias, String... subcommand) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(Arrays.stream(subcommand).filter(a -> !a.startsWith("-")).toList());
        command.addAll(List.of("--target-org", alias, "--json"));
        command.addAll(Arrays.stream(subcommand).filter(a -> a.startsWith("-")).toList());
        String shown = "`sf "
                + String.join(
                        " ",
                        Arrays.stream(subcommand)
                                .filter(a -> !a.startsWith("-"))
                                .toList()) + "`";
        CommandRunner.Result result;
        try {
            result = runner.run(command);
        } catch (CommandRunner.NotFinished e) {
            throw new ConfigException("salesforce.target_org: " + shown + " for '" + alias + "' " + e.getMessage()
                    + "; run `" + String.join(" ", command).replaceFirst("^\\S+", "sf") + "` by hand to see whether"
                    + " it waits for input or cannot reach Salesforce");
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
            throw new ConfigException("salesforce.target_org: " + shown + " for '" + alias
                    + "' did not print JSON (exit code " + result.exitCode() + "); run it by hand to see why");
        }
        if (result.exitCode() != 0 || json.path("status").asInt(0) != 0) {
            throw unknownAlias(alias, json);
        }
        return json.path("result");
    }

    /**
     * Whether {@code token} can be sent as it is: not blank, not the placeholder newer CLIs print in its
     * place, and nothing in it an HTTP header cannot carry.
     */
    private static boolean usable(String token) {
        return !token.isBlank() && !token.contains("REDACTED") && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static ConfigException noToken(String alias, String why) {
        return new ConfigException("salesforce.target_org: the sf CLI has no access token for '" + alias + "' (" + why
                + "); " + AuthMethod.SF_CLI.reauthHint(alias));
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
