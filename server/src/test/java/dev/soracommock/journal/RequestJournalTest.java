package dev.soracommock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code /_mock/requests}: the journal of the requests the emulator answered, and the per-request log line. */
@ExtendWith(OutputCaptureExtension.class)
class RequestJournalTest extends ApiTest {

    private Response journal(Object... query) {
        var spec = api();
        for (int i = 0; i < query.length; i += 2) {
            spec = spec.queryParam((String) query[i], query[i + 1]);
        }
        Response r = spec.get("/_mock/requests");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r;
    }

    @Test
    void aRequestIsRecordedWithItsOperationStatusAndOperator() {
        Operator op = newOperator();
        long before = api().get("/_mock/clock").<Long>path("epochMillis");
        as(op).get("/v1/groups").then().statusCode(200);
        as(op).queryParam("limit", 5).get("/v1/subscribers").then().statusCode(200);

        Response r = journal("operatorId", op.operatorId());
        assertThat(r.<String>path("[0].method")).isEqualTo("GET");
        assertThat(r.<String>path("[0].path")).isEqualTo("/v1/subscribers");
        assertThat(r.<String>path("[0].query")).isEqualTo("limit=5");
        assertThat(r.<String>path("[0].operationId")).isEqualTo("listSubscribers");
        assertThat(r.<String>path("[0].tag")).isEqualTo("Subscriber");
        assertThat(r.<Integer>path("[0].status")).isEqualTo(200);
        assertThat(r.<String>path("[0].operatorId")).isEqualTo(op.operatorId());
        assertThat(r.<Long>path("[0].time")).isGreaterThanOrEqualTo(before);
        assertThat(r.<Integer>path("[0].durationMs")).isGreaterThanOrEqualTo(0);
        assertThat(r.<String>path("[0].fault")).isNull();
        assertThat(r.<Number>path("[0].id").longValue()).isGreaterThan(r.<Number>path("[1].id").longValue());
    }

    @Test
    void errorsAreRecordedWithTheStatusTheClientGot() throws IOException {
        api().get("/v1/groups").then().statusCode(401);
        api().get("/v1/no-such-thing").then().statusCode(404);
        api().contentType(ContentType.JSON).body("{not json").post("/v1/auth").then().statusCode(400);
        assertThat(rawStatusLine("GET /v1/bad%zzpath HTTP/1.1")).contains(" 400");

        Response unauthorized = journal("path", "/v1/groups", "limit", 1);
        assertThat(unauthorized.<Integer>path("[0].status")).isEqualTo(401);
        assertThat(unauthorized.<String>path("[0].operationId")).isEqualTo("listGroups");
        assertThat(unauthorized.<String>path("[0].operatorId")).isNull();
        Response unknown = journal("path", "/v1/no-such-thing", "limit", 1);
        assertThat(unknown.<Integer>path("[0].status")).isEqualTo(404);
        assertThat(unknown.<String>path("[0].operationId")).isNull();
        Response malformed = journal("operationId", "auth", "status", 400, "limit", 1);
        assertThat(malformed.<String>path("[0].path")).isEqualTo("/v1/auth");
        Response refusedByTomcat = journal("path", "/v1/bad%zzpath", "limit", 1);
        assertThat(refusedByTomcat.<Integer>path("[0].status")).isEqualTo(400);
    }

    /** Sends a request as written (no client encoding) and answers the status line. */
    private String rawStatusLine(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        }
    }

    @Test
    void theFiltersSelectEntriesNewestFirst() {
        Operator op = newOperator();
        as(op).get("/v1/groups").then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/groups").then().statusCode(201);
        as(op).get("/v1/subscribers").then().statusCode(200);
        as(op).get("/v1/groups/no-such-group").then().statusCode(404);

        assertThat(journal("operatorId", op.operatorId()).<List<String>>path("operationId"))
                .containsExactly("getGroup", "listSubscribers", "createGroup", "listGroups");
        assertThat(journal("operatorId", op.operatorId(), "tag", "Group").<List<String>>path("operationId"))
                .containsExactly("getGroup", "createGroup", "listGroups");
        assertThat(journal("operatorId", op.operatorId(), "method", "post").<List<String>>path("operationId"))
                .containsExactly("createGroup");
        assertThat(journal("operatorId", op.operatorId(), "path", "/v1/groups").<List<String>>path("operationId"))
                .containsExactly("getGroup", "createGroup", "listGroups");
        assertThat(journal("operatorId", op.operatorId(), "status", 404).<List<String>>path("operationId"))
                .containsExactly("getGroup");
        assertThat(journal("operatorId", op.operatorId(), "operationId", "listSubscribers").<List<?>>path("$")).hasSize(1);
        assertThat(journal("operatorId", op.operatorId(), "limit", 2).<List<String>>path("operationId"))
                .containsExactly("getGroup", "listSubscribers");

        long last = journal("operatorId", op.operatorId(), "limit", 1).<Long>path("[0].time");
        api().contentType(ContentType.JSON).body(Map.of("seconds", 60)).post("/_mock/clock/advance").then().statusCode(200);
        as(op).get("/v1/groups").then().statusCode(200);
        assertThat(journal("operatorId", op.operatorId(), "since", last + 60_000).<List<String>>path("operationId"))
                .containsExactly("listGroups");
    }

    @Test
    void aLimitOutsideItsRangeIsRefused() {
        for (int limit : new int[] {0, 10001}) {
            Response r = api().queryParam("limit", limit).get("/_mock/requests");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.<String>path("code")).isEqualTo("COM0008");
        }
    }

    @Test
    void theControlApiIsRecordedButNotTheJournalReads() {
        api().get("/_mock/clock").then().statusCode(200);
        journal();
        api().delete("/_mock/faults/flt-999999").then().statusCode(404);
        List<Map<String, Object>> entries = journal("path", "/_mock/").path("$");
        assertThat(entries.get(0)).containsEntry("operationId", "deleteFault").containsEntry("status", 404)
                .containsEntry("tag", "Faults");
        assertThat(entries.get(1)).containsEntry("operationId", "getClock").containsEntry("tag", "Clock");
        assertThat(entries).noneMatch(e -> String.valueOf(e.get("path")).startsWith("/_mock/requests"));
        api().get("/openapi/mock-admin.yaml").then().statusCode(200);
        assertThat(journal("path", "/openapi/").<List<?>>path("$")).isEmpty();
    }

    @Test
    void deleteAndResetEmptyTheJournal() {
        Operator op = newOperator();
        as(op).get("/v1/groups").then().statusCode(200);
        api().delete("/_mock/requests").then().statusCode(204);
        assertThat(journal().<List<?>>path("$")).isEmpty();

        as(op).get("/v1/groups").then().statusCode(200);
        api().post("/_mock/reset").then().statusCode(200);
        assertThat(journal().<List<String>>path("operationId")).containsExactly("resetEmulator");
    }

    @Test
    void everyRequestIsLoggedWithItsOperationStatusAndOperator(CapturedOutput output) {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.soracommock.requests");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            Operator op = newOperator();
            as(op).get("/v1/groups").then().statusCode(200);
            journal();
            assertThat(output.getOut()).containsPattern(
                    "GET /v1/groups listGroups 200 \\d+ms operator=" + op.operatorId());
            ILoggingEvent event = events.list.stream().filter(e -> e.getFormattedMessage().startsWith("GET /v1/groups "))
                    .reduce((a, b) -> b).orElseThrow();
            Map<String, Object> fields = event.getKeyValuePairs().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
            assertThat(fields).containsEntry("method", "GET").containsEntry("path", "/v1/groups")
                    .containsEntry("operationId", "listGroups").containsEntry("tag", "Group").containsEntry("status", 200)
                    .containsEntry("operatorId", op.operatorId()).containsKey("durationMs");
        } finally {
            logger.detachAppender(events);
        }
    }
}
