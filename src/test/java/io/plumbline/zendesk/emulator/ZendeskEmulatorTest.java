package io.plumbline.zendesk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.zendesk.SeedSnapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator itself answers as Zendesk does: envelopes, paging limits, export quirks, auth errors. */
class ZendeskEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static ZendeskEmulator emulator;

    @BeforeAll
    static void start() {
        Path seed = SeedSnapshots.write(dir.resolve("seed"), 1010, 300, 20);
        emulator = ZendeskEmulator.start(
                seed,
                EmulatorConfig.withToken("t0k3n").withBearer("w", Set.of("write")),
                new EmulatorTime(SeedSnapshots.CAPTURED_AT.plus(Duration.ofMinutes(5)), 1000));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUri() + pathAndQuery));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, "t0k3n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void offsetPaging_beyondHundredPages_is400() throws Exception {
        JsonNode first = json("/api/v2/organizations.json?per_page=100");
        assertThat(first.path("count").asInt()).isEqualTo(990);
        assertThat(first.path("next_page").asText()).contains("page=2");
        assertThat(get("/api/v2/organizations.json?page=101", "t0k3n").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v2/organizations.json?page=100&per_page=100", "t0k3n")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void cursorPaging_fullLastPage_isFollowedByAnEmptyOne() throws Exception {
        JsonNode page = json("/api/v2/users.json?page%5Bsize%5D=100");
        int pages = 1;
        while (page.path("meta").path("has_more").asBoolean()) {
            assertThat(page.path("links").path("next").asText()).contains("page%5Bafter%5D=");
            page = json("/api/v2/users.json?page%5Bsize%5D=100&page%5Bafter%5D="
                    + page.path("meta").path("after_cursor").asText());
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(page.path("users")).isEmpty();
        assertThat(page.path("meta").path("after_cursor").isNull()).isTrue();
        assertThat(get("/api/v2/users.json?page%5Bsize%5D=101", "t0k3n").statusCode())
                .isEqualTo(400);
    }

    @Test
    void timeBasedExport_repeatsRecordsSharingTheBoundaryTimestamp() throws Exception {
        JsonNode first = json("/api/v2/incremental/organizations.json?start_time=0");
        assertThat(first.path("end_of_stream").asBoolean()).isFalse();
        JsonNode second = json("/api/v2/incremental/organizations.json?start_time="
                + first.path("end_time").asLong());
        Set<Long> ids = new HashSet<>();
        first.path("organizations").forEach(o -> ids.add(o.path("id").asLong()));
        long repeated = 0;
        for (JsonNode o : second.path("organizations")) {
            repeated += ids.add(o.path("id").asLong()) ? 0 : 1;
        }
        assertThat(repeated).isPositive();
        assertThat(ids).hasSize(1010);
        assertThat(second.path("end_of_stream").asBoolean()).isTrue();
    }

    @Test
    void incrementalExport_tooRecentStart_is422_andHasItsOwnRateHeader() throws Exception {
        long now = emulator.time().instant().getEpochSecond();
        assertThat(get("/api/v2/incremental/tickets/cursor.json?start_time=" + now, "t0k3n")
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> r = get("/api/v2/incremental/tickets/cursor.json?start_time=0", "t0k3n");
        assertThat(r.headers()
                        .firstValue("zendesk-ratelimit-incremental-exports")
                        .orElseThrow())
                .matches("total=10; remaining=\\d+; resets=\\d+");
        assertThat(r.headers().firstValue("X-Rate-Limit")).contains("700");
    }

    @Test
    void auth_badTokenIs401_missingScopeIs403_asZendeskWordsThem() throws Exception {
        HttpResponse<String> bad = get("/api/v2/organizations.json", "nope");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
        HttpResponse<String> scoped = get("/api/v2/organizations.json", "w");
        assertThat(scoped.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(scoped.body()).path("description").asText())
                .isEqualTo("You are missing the following required scopes: read");
    }
}
