package io.plumbline.salesforce;

import io.plumbline.config.EnvNames;
import io.plumbline.config.SalesforceConfig;
import io.plumbline.config.SalesforceJwtConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.normalize.DomainNormalizer;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signs in with the first method the configuration names, in the order a user reaches for them: an
 * {@code sf} CLI alias, an access token from the environment, OAuth client credentials, the JWT
 * bearer flow. Secrets are read from the environment only at this moment and live only in the
 * returned session; every configuration gap is a {@link ConfigException} naming the key to set.
 */
final class SalesforceLogin {
    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceConfig config;
    private final Path baseDir;
    private final SalesforceRuntime runtime;
    private final SalesforceHttp http;

    SalesforceLogin(SalesforceConfig config, Path baseDir, SalesforceRuntime runtime, SalesforceHttp http) {
        this.config = config;
        this.baseDir = baseDir;
        this.runtime = runtime;
        this.http = http;
    }

    SalesforceSession login() {
        if (present(config.targetOrg())) {
            return SfCliLogin.login(config.targetOrg().strip(), runtime.commands());
        }
        if (present(config.accessTokenEnv())) {
            String token = EnvNames.headerSafe(
                    "salesforce.access_token_env",
                    config.accessTokenEnv(),
                    env(config.accessTokenEnv(), "access_token_env"));
            return new SalesforceSession(
                    instanceUrl("an access token"), token, AuthMethod.ACCESS_TOKEN, config.accessTokenEnv());
        }
        if (present(config.clientIdEnv()) || present(config.clientSecretEnv())) {
            return clientCredentials();
        }
        if (config.jwt() != null) {
            return jwtBearer(config.jwt());
        }
        throw new ConfigException("salesforce: source is api but no sign-in is configured; set target_org (an sf CLI"
                + " alias), or access_token_env + instance_url, or client_id_env + client_secret_env + instance_url,"
                + " or jwt {username, key_file, client_id_env}");
    }

    private SalesforceSession clientCredentials() {
        String id = env(config.clientIdEnv(), "client_id_env");
        String secret = env(config.clientSecretEnv(), "client_secret_env");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", id);
        form.put("client_secret", secret);
        URI myDomain = instanceUrl("client credentials (the My Domain URL)");
        return OAuthTokenClient.request(
                http,
                myDomain,
                new OAuthTokenClient.Grant(AuthMethod.CLIENT_CREDENTIALS, config.clientIdEnv(), form, List.of(secret)));
    }

    private SalesforceSession jwtBearer(SalesforceJwtConfig jwt) {
        String username = require(jwt.username(), "jwt.username", "the Salesforce username to act as");
        String keyFile = require(jwt.keyFile(), "jwt.key_file", "the path of the PEM private key");
        String clientIdEnv = require(jwt.clientIdEnv(), "jwt.client_id_env", "the variable holding the client id");
        String clientId = env(clientIdEnv, "jwt.client_id_env");
        URI login = url(jwt.loginUrl(), "jwt.login_url", "'" + DomainNormalizer.withoutPassword(jwt.loginUrl()) + "'");
        PrivateKey key = PemKeys.readRsaPrivateKey(baseDir.resolve(keyFile).normalize());
        String assertion = JwtAssertion.create(
                clientId, username, audience(login), key, runtime.clock().instant());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JWT_GRANT);
        form.put("assertion", assertion);
        return OAuthTokenClient.request(
                http, login, new OAuthTokenClient.Grant(AuthMethod.JWT_BEARER, username, form, List.of(assertion)));
    }

    /**
     * The assertion's {@code aud}: Salesforce takes {@code https://login.salesforce.com}, {@code
     * https://test.salesforce.com} or an Experience Cloud site's URL, not a My Domain URL, though the
     * token may be asked of a My Domain (as orgs that block login.salesforce.com require): a My Domain's
     * audience is login, a sandbox's or scratch org's is test. Any other login URL is its own audience.
     */
    static String audience(URI login) {
        String host = login.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("test.salesforce.com")
                || host.endsWith(".sandbox.my.salesforce.com")
                || host.endsWith(".scratch.my.salesforce.com")) {
            return "https://test.salesforce.com";
        }
        if (host.equals("login.salesforce.com") || host.endsWith(".my.salesforce.com")) {
            return "https://login.salesforce.com";
        }
        return login.toString();
    }

    private URI instanceUrl(String purpose) {
        if (present(config.instanceUrl())) {
            return url(
                    config.instanceUrl(),
                    "instance_url",
                    "'" + DomainNormalizer.withoutPassword(config.instanceUrl()) + "'");
        }
        if (present(config.instanceUrlEnv())) {
            // a value from the environment is never quoted: a pasted front-door or session URL holds a secret
            return url(
                    env(config.instanceUrlEnv(), "instance_url_env"),
                    "instance_url_env",
                    "the URL in " + EnvNames.shown("salesforce.instance_url_env", config.instanceUrlEnv()));
        }
        throw new ConfigException("salesforce.instance_url: signing in with " + purpose
                + " needs the org's URL, like https://yourcompany.my.salesforce.com (or instance_url_env)");
    }

    /** {@code raw} as an instance URL; refused naming it as {@code shown}. */
    private static URI url(String raw, String key, String shown) {
        URI uri = InstanceUrls.parse(raw);
        if (uri == null) {
            throw new ConfigException(
                    "salesforce." + key + ": " + shown + " cannot be used because " + InstanceUrls.problem(raw));
        }
        return uri;
    }

    private String env(String name, String key) {
        String value = runtime.env().get(name.strip());
        if (value == null || value.isBlank()) {
            throw new ConfigException("salesforce." + key + ": environment variable "
                    + EnvNames.shown("salesforce." + key, name) + " is not set or empty; export it before running "
                    + "Plumbline" + EnvNames.pastedHint("salesforce." + key, name));
        }
        return value.strip();
    }

    private static String require(String value, String key, String what) {
        if (!present(value)) {
            throw new ConfigException("salesforce." + key + ": missing; set it to " + what);
        }
        return value.strip();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
