package io.plumbline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the DevTools protocol on loopback, with only the JDK's HTTP and
 * WebSocket clients: navigate, evaluate JavaScript, take a screenshot. Started with the flags that
 * keep it off the network; closed (process killed) on {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CANDIDATES =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    static Optional<Path> find() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    HeadlessChromium(Path binary, Path profile) throws Exception {
        process = new ProcessBuilder(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling("chromium.log").toFile())
                .start();
        int port = waitForPort(profile.resolve("DevToolsActivePort"));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode pages = MAPPER.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String ws = null;
        for (JsonNode p : pages) {
            if ("page".equals(p.path("type").asText())) {
                ws = p.path("webSocketDebuggerUrl").asText();
            }
        }
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(ws), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    private int waitForPort(Path file) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IOException("chromium did not open its DevTools port within 30 s");
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode msg = MAPPER.createObjectNode().put("id", id).put("method", method);
        msg.set("params", MAPPER.valueToTree(params));
        socket.sendText(MAPPER.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IOException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    void navigate(String url) throws Exception {
        send("Page.enable", Map.of());
        send("Page.navigate", Map.of("url", url));
        Instant deadline = Instant.now().plusSeconds(20);
        while (!"complete".equals(eval("document.readyState").asText())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    /** Evaluates an expression in the page and returns its value. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("page threw: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the whole page, not just the viewport. */
    byte[] screenshot() throws Exception {
        int height = eval("Math.ceil(document.documentElement.scrollHeight)").asInt();
        int width = eval("Math.ceil(document.documentElement.scrollWidth)").asInt();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        JsonNode r =
                send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return java.util.Base64.getDecoder().decode(r.path("data").asText());
    }

    @Override
    public void close() {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode msg = MAPPER.readTree(buffer.toString());
                    CompletableFuture<JsonNode> f =
                            msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(msg);
                    }
                } catch (IOException ignored) {
                    // events we cannot parse are not replies we wait for
                }
                buffer.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
