package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful, in-process Zendesk Support API for tests, on the JDK's HttpServer at 127.0.0.1 and a free
 * port. Seeded from any snapshot folder, it answers the read endpoints with Zendesk's envelopes and
 * paging, the write endpoints with Zendesk's validation, checks credentials and scopes, limits requests
 * per minute (account-wide and incremental export) with 429 + Retry-After and the rate headers, injects
 * faults from a seeded random, logs every request, and can dump its state as a snapshot folder. Time is
 * an {@link EmulatorTime} shared with the client, so minutes can pass in milliseconds.
 */
public final class ZendeskEmulator implements AutoCloseable {
    static {
        // without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorState state;
    private final Path seedDir;
    private final EmulatorTime time;
    private final RequestLog log = new RequestLog();
    private final RateLimiter limiter = new RateLimiter();
    private final AtomicLong requestIds = new AtomicLong();
    private final String base;
    private final ReadRoutes reads;
    private final WriteRoutes writes;
    private final Jobs jobs;
    private final Interventions interventions = new Interventions();
    private final EmulatorEdits edits;
    private volatile EmulatorConfig config;
    private volatile AuthGate auth;
    private volatile Faults faults;

    private ZendeskEmulator(Path seedDir, EmulatorConfig config, EmulatorTime time) throws IOException {
        this.seedDir = seedDir;
        this.state = StateFiles.load(seedDir);
        this.time = time;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zendesk-emulator");
            t.setDaemon(true);
            return t;
        });
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
        this.jobs = new Jobs(base);
        this.reads = new ReadRoutes(state, base, jobs, () -> this.config.capTimeExportPages());
        this.writes = new WriteRoutes(state, jobs);
        this.edits = new EmulatorEdits(this, state, time::instant);
        configure(config);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static ZendeskEmulator start(Path seedDir, EmulatorConfig config, EmulatorTime time) {
        try {
            return new ZendeskEmulator(seedDir, config, time);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Zendesk emulator", e);
        }
    }

    /** Replaces credentials, limits and faults (state and the log are kept; issued tokens are not). */
    public void configure(EmulatorConfig newConfig) {
        this.config = newConfig;
        this.auth = new AuthGate(newConfig);
        this.faults = new Faults(newConfig);
    }

    /**
     * Injects {@code fault} into the {@code occurrence}-th request (1-based) to {@code path} (without
     * {@code .json}; a trailing {@code *} matches every path that starts so).
     */
    public void failRequest(String path, int occurrence, Fault fault) {
        faults.script(path, occurrence, fault);
    }

    /** Persistently injects {@code fault} into every request with this method and exact path. */
    public void failEvery(String method, String path, Fault fault) {
        faults.scriptAlways(method, path, fault);
    }

    /** Ends what {@link #failEvery} began for this method and path: later requests are served. */
    public void stopFailingEvery(String method, String path) {
        faults.stopAlways(method, path);
    }

    /** State changes a test schedules at a request, and holds that stop answering at a chosen write. */
    public Interventions interventions() {
        return interventions;
    }

    /** The background jobs of bulk requests: how long they take to finish, and which fail. */
    public Jobs jobs() {
        return jobs;
    }

    /** Direct changes to the state, as another admin would make them (not logged). */
    public EmulatorEdits edits() {
        return edits;
    }

    public URI baseUri() {
        return URI.create(base);
    }

    public RequestLog log() {
        return log;
    }

    public EmulatorTime time() {
        return time;
    }

    /** How many tokens the client_credentials grant issued. */
    public int tokensIssued() {
        return auth.issuedCount();
    }

    /** A copy of one org as the emulator holds it now (deleted ones included). */
    public synchronized Optional<ObjectNode> organization(long id) {
        return Optional.ofNullable(state.organizations.get(id)).map(ObjectNode::deepCopy);
    }

    /** The membership of this id as the emulator holds it now. */
    public synchronized Optional<ObjectNode> membership(long id) {
        return Optional.ofNullable(state.memberships.get(id)).map(ObjectNode::deepCopy);
    }

    /** Lets every queued job do its work now, as if each had run to its end. */
    public synchronized void finishJobs() {
        jobs().finishAll();
    }

    /** Changes the account as its agents and admins would in Zendesk itself, stamped with the emulator's now. */
    public synchronized void change(java.util.function.Consumer<AccountEdits> edits) {
        state.changed();
        edits.accept(new AccountEdits(state, time.instant()));
    }

    /** Writes the current state as a snapshot folder, captured now. */
    public synchronized void dumpSnapshot(Path dir) {
        StateFiles.dump(state, seedDir, dir, time.instant());
    }

    private void handle(HttpExchange ex) throws IOException {
        Instant at = time.instant();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = Call.parse(
                ex.getRequestMethod(),
                ex.getRequestURI().getPath(),
                ex.getRequestURI().getRawQuery(),
                body,
                at);
        interventions.runChanges(call);
        if (interventions.holdBefore(call)) {
            log.add(entry(call, 0, null, "held", ""));
            interventions.awaitRelease();
            ex.close();
            return;
        }
        Fault fault = call.path().startsWith("/api/")
                ? faults.next(call.method(), call.path())
                : faults.scripted(call.method(), call.path()); // the token endpoint: only a test's own faults
        if (fault == Fault.RESET) {
            log.add(entry(call, 0, null, "reset", ""));
            ex.close();
            return;
        }
        if (fault == Fault.SLOW) {
            sleepReal(config.slowDelay());
        }
        Outcome o = answer(call, ex.getRequestHeaders().getFirst("Authorization"), fault);
        Reply reply = o.reply().header("X-Request-Id", "emu-" + requestIds.incrementAndGet());
        Duration retryAfter = null;
        if (reply.headers().containsKey("Retry-After")) {
            retryAfter = Duration.ofSeconds(Long.parseLong(reply.headers().get("Retry-After")));
        }
        if (fault == Fault.LOST_ANSWER) {
            log.add(entry(call, reply.status(), retryAfter, fault.name(), o.who()));
            ex.close();
            return;
        }
        boolean held = interventions.holdAfter(call);
        String mark = held ? "held" : fault == Fault.NONE ? "" : fault.name();
        log.add(entry(call, reply.status(), retryAfter, mark, o.who()));
        if (held) {
            interventions.awaitRelease();
            ex.close();
            return;
        }
        interventions.runAfterChanges(call);
        send(ex, reply, fault == Fault.STALLED_BODY ? config.slowDelay() : Duration.ZERO);
    }

    private record Outcome(Reply reply, String who) {}

    /** The 429 of an injected {@link Fault#TOO_MANY}, with the configured Retry-After. */
    private Reply tooMany() {
        return Reply.error(429, "APIRateLimitExceeded", "Number of allowed API requests per minute exceeded")
                .header("Retry-After", Long.toString(config.fault429RetryAfter().toSeconds()));
    }

    private Outcome answer(Call call, String authorization, Fault fault) {
        if (call.path().equals("/oauth/tokens") && call.method().equals("POST")) {
            return new Outcome(
                    fault == Fault.TOO_MANY ? tooMany() : auth.issueToken(call.json(), call.at()), "oauth-grant");
        }
        Object who = auth.authenticate(authorization, call.at());
        if (who instanceof Reply unauthenticated) {
            return new Outcome(unauthenticated, "");
        }
        AuthGate.Principal p = (AuthGate.Principal) who;
        Optional<Reply> forbidden = auth.checkScope(p, call);
        if (forbidden.isPresent()) {
            return new Outcome(forbidden.get(), p.label());
        }
        Reply limited = rateLimit(call);
        if (limited.status() == 429) {
            return new Outcome(limited, p.label());
        }
        Reply r;
        if (fault == Fault.TOO_MANY) {
            r = tooMany();
        } else if (fault == Fault.SERVER_ERROR) {
            r = Reply.error(faults.serverStatus(), "ServiceUnavailable", "Internal server error");
        } else if (fault == Fault.UNPROCESSABLE) {
            r = Reply.error(422, "RecordInvalid", "Record validation errors");
        } else if (fault == Fault.EMPTY_ANSWER) {
            r = new Reply(
                    route(call, p).status(), "{}", "application/json; charset=utf-8", new java.util.LinkedHashMap<>());
        } else if (fault == Fault.UNAVAILABLE) {
            r = Reply.error(503, "ServiceUnavailable", "Service temporarily unavailable");
        } else if (fault == Fault.UNAVAILABLE_RETRY_AFTER) {
            r = Reply.error(503, "ServiceUnavailable", "Service temporarily unavailable")
                    .header("Retry-After", "1");
        } else if (fault == Fault.BAD_GATEWAY) {
            r = Reply.html(502, "502 Bad Gateway");
        } else if (fault == Fault.GATEWAY_TIMEOUT) {
            r = Reply.html(504, "504 Gateway Time-out");
        } else if (fault == Fault.LANDED_THEN_503) {
            route(call, p);
            r = Reply.error(503, "ServiceUnavailable", "Service temporarily unavailable")
                    .header("Retry-After", "1");
        } else {
            r = route(call, p);
        }
        limited.headers().forEach(r::header);
        return new Outcome(r, p.label());
    }

    private synchronized Reply route(Call call, AuthGate.Principal p) {
        try {
            if (!call.method().equals("GET")) {
                state.changed();
            }
            Optional<Reply> r = call.method().equals("GET") ? reads.route(call, p) : writes.route(call);
            return r.orElseGet(() -> Reply.error(404, "InvalidEndpoint", "Not found"));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "InvalidValue", "Bad parameter: " + e.getMessage());
        }
    }

    /** Counts the request against its windows; an empty 200 carrying the rate headers, or a 429. */
    private Reply rateLimit(Call call) {
        RateLimiter.Decision account = limiter.acquire("account", config.accountLimitPerMinute(), call.at());
        Reply r = Reply.noContent();
        r.header("X-Rate-Limit", Integer.toString(account.limit()));
        r.header("X-Rate-Limit-Remaining", Integer.toString(account.remaining()));
        r.header("ratelimit-limit", Integer.toString(account.limit()));
        r.header("ratelimit-remaining", Integer.toString(account.remaining()));
        r.header("ratelimit-reset", Long.toString(account.resetSeconds()));
        long wait = account.allowed() ? 0 : account.resetSeconds();
        if (call.path().startsWith("/api/v2/incremental/")) {
            RateLimiter.Decision inc = limiter.acquire("incremental", config.incrementalLimitPerMinute(), call.at());
            r.header(
                    "zendesk-ratelimit-incremental-exports",
                    "total=" + inc.limit() + "; remaining=" + inc.remaining() + "; resets=" + inc.resetSeconds());
            wait = inc.allowed() ? wait : Math.max(wait, inc.resetSeconds());
        }
        if (wait == 0) {
            return r;
        }
        Reply tooMany = Reply.error(429, "APIRateLimitExceeded", "Number of allowed API requests per minute exceeded");
        r.headers().forEach(tooMany::header);
        return tooMany.header("Retry-After", Long.toString(wait));
    }

    private LoggedRequest entry(Call call, int status, Duration retryAfter, String fault, String who) {
        return new LoggedRequest(
                call.at(),
                call.method(),
                call.path(),
                call.decodedQuery(),
                call.body(),
                status,
                retryAfter,
                fault,
                who);
    }

    /** Sends the reply; with a {@code stall}, half its body first and the rest after that real time. */
    private static void send(HttpExchange ex, Reply reply, Duration stall) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (reply.contentType() != null) {
            ex.getResponseHeaders().add("Content-Type", reply.contentType());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            int first = stall.isZero() ? bytes.length : bytes.length / 2;
            out.write(bytes, 0, first);
            if (first < bytes.length) {
                out.flush();
                sleepReal(stall);
                out.write(bytes, first, bytes.length - first);
            }
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to do
        }
    }

    private static void sleepReal(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        interventions.release();
        server.stop(0);
        executor.shutdownNow();
    }
}
