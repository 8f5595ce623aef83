package io.plumbline.salesforce.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Salesforce org on 127.0.0.1 (a free port) for tests: OAuth token endpoint (client
 * credentials, JWT bearer), version list, and REST query with {@code nextRecordsUrl} paging. It logs
 * every request; anything else (Bulk API jobs, sObject reads or writes, composite, DML of any kind) is
 * answered with an error and logged as {@link RequestKind#REJECTED}, so a test can assert that a
 * client sent nothing but sign-in and read traffic.
 */
public final class SalesforceEmulator implements AutoCloseable {
    private static final Pattern DATA = Pattern.compile("/services/data/v(\\d+\\.\\d)/(.*)");

    private final HttpServer server;
    private final URI baseUrl;
    private final OrgData data = new OrgData();
    private final QueryEndpoint query = new QueryEndpoint(data);
    private final TokenEndpoint token;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger expiryCountdown = new AtomicInteger();
    private final Queue<String> cannedAnswers = new ConcurrentLinkedQueue<>();
    private volatile List<String> versions = List.of("62.0", "66.0", "67.0");

    static {
        // small responses otherwise wait on Nagle's algorithm and delayed ACKs (about 40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private SalesforceEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        token = new TokenEndpoint(baseUrl.toString(), this::issueToken);
        server.createContext("/", this::handle);
        server.start();
    }

    public static SalesforceEmulator start() {
        try {
            return new SalesforceEmulator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Salesforce emulator", e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public OrgData data() {
        return data;
    }

    /** Issues a valid access token, as a sign-in elsewhere would. */
    public String issueToken() {
        String t = "00DEMU!" + issued.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        validTokens.add(t);
        return t;
    }

    public SalesforceEmulator acceptToken(String accessToken) {
        validTokens.add(accessToken);
        return this;
    }

    /** Invalidates every token issued so far (the next call answers INVALID_SESSION_ID). */
    public void expireTokens() {
        validTokens.clear();
    }

    /**
     * The {@code n}-th query request from now on (1-based) finds every token issued before it expired,
     * as a session that times out in the middle of a long pull does.
     */
    public SalesforceEmulator expireTokensAt(int n) {
        expiryCountdown.set(n);
        return this;
    }

    public SalesforceEmulator clientCredentials(String clientId, String clientSecret) {
        token.clientId = clientId;
        token.clientSecret = clientSecret;
        return this;
    }

    public SalesforceEmulator jwtBearer(String clientId, String username, PublicKey key) {
        token.jwtClientId = clientId;
        token.jwtUsername = username;
        token.jwtKey = key;
        return this;
    }

    /** The totalSize of every query claims {@code rows} more rows than its batches hold. */
    public SalesforceEmulator claimMoreRows(int rows) {
        query.claimedMore = rows;
        return this;
    }

    /** The next {@code n} queryMore requests find their cursor gone ({@code INVALID_QUERY_LOCATOR}). */
    public SalesforceEmulator dropCursors(int n) {
        query.dropCursors = n;
        return this;
    }

    public SalesforceEmulator batchSize(int size) {
        query.batchSize = size;
        return this;
    }

    /** Answers the next {@code count} data requests with 503, as an overloaded instance does. */
    public SalesforceEmulator failNext(int count) {
        failures.set(count);
        return this;
    }

    /**
     * Answers the next data request with 200 and {@code body} instead of handling it, as a proxy or
     * gateway in front of the org might; several calls answer that many requests, in order.
     */
    public SalesforceEmulator answerNext(String body) {
        cannedAnswers.add(body);
        return this;
    }

    public SalesforceEmulator versions(String... list) {
        versions = List.of(list);
        return this;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public List<RecordedRequest> requests(RequestKind kind) {
        return requests().stream().filter(r -> r.kind() == kind).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        RequestKind[] kind = {RequestKind.REJECTED};
        Reply reply;
        try {
            reply = route(method, path, params, body, auth, kind);
        } catch (EmulatorError e) {
            reply = Reply.error(e);
        }
        log.add(new RecordedRequest(
                method,
                path,
                decode(exchange.getRequestURI().getRawQuery()),
                body,
                kind[0],
                auth != null && auth.startsWith("Bearer "),
                reply.status()));
        send(exchange, reply);
    }

    private Reply route(
            String method, String path, Map<String, String> params, String body, String auth, RequestKind[] kind) {
        if (method.equals("POST") && path.equals("/services/oauth2/token")) {
            kind[0] = RequestKind.TOKEN;
            return token.handle(body);
        }
        if (method.equals("GET") && (path.equals("/services/data/") || path.equals("/services/data"))) {
            kind[0] = RequestKind.VERSIONS;
            return versionList();
        }
        Matcher m = DATA.matcher(path);
        if (!m.matches()) {
            throw new EmulatorError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String version = m.group(1);
        String rest = m.group(2);
        if (method.equals("GET") && rest.equals("query") && params.containsKey("q")) {
            kind[0] = RequestKind.QUERY;
        } else if (method.equals("GET") && rest.startsWith("query/")) {
            kind[0] = RequestKind.QUERY_MORE;
        } else {
            throw new EmulatorError(
                    405,
                    "METHOD_NOT_ALLOWED",
                    "the emulator serves only sign-in and read endpoints, not " + method + " " + path);
        }
        if (!versions.contains(version)) {
            throw new EmulatorError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (expiryCountdown.get() > 0 && expiryCountdown.decrementAndGet() == 0) {
            expireTokens();
        }
        authorize(auth);
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new EmulatorError(503, "SERVER_UNAVAILABLE", "Service temporarily unavailable");
        }
        String canned = cannedAnswers.poll();
        if (canned != null) {
            return Reply.json(200, canned);
        }
        Reply reply = kind[0] == RequestKind.QUERY
                ? query.query(version, params.get("q"))
                : query.more(rest.substring("query/".length()));
        // the org's daily API use, as Salesforce reports it on every REST answer
        Map<String, String> headers = new java.util.HashMap<>(reply.headers());
        headers.put("Sforce-Limit-Info", "api-usage=" + apiUsed.incrementAndGet() + "/" + apiLimit);
        return new Reply(reply.status(), reply.contentType(), reply.body(), headers);
    }

    private final java.util.concurrent.atomic.AtomicInteger apiUsed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int apiLimit = 15000;

    /** The org has used {@code used} of its {@code limit} daily API requests so far. */
    public SalesforceEmulator apiUsage(int used, int limit) {
        apiUsed.set(used);
        apiLimit = limit;
        return this;
    }

    private void authorize(String auth) {
        if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            throw new EmulatorError(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
    }

    private Reply versionList() {
        StringBuilder sb = new StringBuilder("[");
        for (String v : versions) {
            sb.append(sb.length() > 1 ? "," : "")
                    .append("{\"label\":\"Release\",\"url\":\"/services/data/v")
                    .append(v)
                    .append("\",\"version\":\"")
                    .append(v)
                    .append("\"}");
        }
        return Reply.json(200, sb.append(']').toString());
    }

    private static String decode(String rawQuery) {
        return rawQuery == null ? null : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }

    private static Map<String, String> params(String rawQuery) {
        return TokenEndpoint.form(rawQuery == null ? "" : rawQuery);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
