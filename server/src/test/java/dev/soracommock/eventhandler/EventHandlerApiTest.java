package dev.soracommock.eventhandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Event handlers over HTTP: the CRUD operations and their validation, and handlers that fire on the emulator's
 * events (traffic through {@code /_mock/sims/{id}/traffic}, status and session changes, the clock passing an expiry),
 * with their actions carried out through the SIM API's rules, a web request received by a local HTTP server, and
 * what a handler did read at {@code /_mock/event-handlers/{id}/firings}.
 */
class EventHandlerApiTest extends ApiTest {

    static final Instant JUNE_15 = Instant.parse("2026-06-15T12:00:00Z");
    static final long MIB = 1024 * 1024;

    @Autowired
    MockClock clock;

    @BeforeEach
    void freeze() {
        clock.freeze();
        clock.set(JUNE_15);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- CRUD and validation ---

    @Test
    void createGetListUpdateDeleteAsTheContractsModel() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String group = group(op);
        setGroup(op, imsi, group);
        String other = registeredSim(op);

        Response created = create(op, handler("targetImsi", imsi, trafficRule("MonthlyTrafficRule", "100"),
                speedAction("s1.minimum", "IMMEDIATELY")));
        created.then().statusCode(201).body("name", equalTo("h")).body("status", equalTo("active"))
                .body("targetImsi", equalTo(imsi)).body("ruleConfig.type", equalTo("SubscriberMonthlyTrafficRule"))
                .body("ruleConfig.properties.limitTotalTrafficMegaByte", equalTo("100"))
                .body("actionConfigList[0].type", equalTo("ChangeSpeedClassAction"))
                .body("actionConfigList[0].properties.speedClass", equalTo("s1.minimum"));
        String byImsi = created.path("handlerId");
        String byGroup = create(op, handler("targetGroupId", group, statusRule("active"), List.of())).path("handlerId");
        String byOperator = create(op, handler("targetOperatorId", op.operatorId(), statusRule("active"), List.of()))
                .path("handlerId");
        String byOtherSim = create(op, handler("targetSimId", other, statusRule("active"), List.of())).path("handlerId");

        as(op).get("/v1/event_handlers/" + byImsi).then().statusCode(200).body("handlerId", equalTo(byImsi));
        assertThat(as(op).get("/v1/event_handlers").then().statusCode(200).extract().<List<String>>path("handlerId"))
                .containsExactlyInAnyOrder(byImsi, byGroup, byOperator, byOtherSim);
        assertThat(as(op).queryParam("target", "group").get("/v1/event_handlers").then().statusCode(200).extract()
                .<List<String>>path("handlerId")).containsExactly(byGroup);
        assertThat(as(op).queryParam("target", "sim").get("/v1/event_handlers").then().statusCode(200).extract()
                .<List<String>>path("handlerId")).containsExactly(byOtherSim);
        assertThat(as(op).get("/v1/event_handlers/subscribers/" + imsi).then().statusCode(200).extract()
                .<List<String>>path("handlerId")).containsExactlyInAnyOrder(byImsi, byGroup, byOperator);

        Map<String, Object> changed = handler("targetImsi", imsi, trafficRule("DailyTrafficRule", "5"), List.of());
        changed.put("name", "renamed");
        changed.put("status", "inactive");
        as(op).contentType(ContentType.JSON).body(changed).put("/v1/event_handlers/" + byImsi).then().statusCode(200);
        as(op).get("/v1/event_handlers/" + byImsi).then().statusCode(200).body("name", equalTo("renamed"))
                .body("status", equalTo("inactive")).body("ruleConfig.type", equalTo("SubscriberDailyTrafficRule"))
                .body("actionConfigList.size()", equalTo(0));

        as(op).delete("/v1/event_handlers/" + byImsi).then().statusCode(204);
        as(op).get("/v1/event_handlers/" + byImsi).then().statusCode(404).body("code", equalTo("MCK0501"));
        as(op).delete("/v1/event_handlers/" + byImsi).then().statusCode(404);
        as(op).contentType(ContentType.JSON).body(changed).put("/v1/event_handlers/" + byImsi).then().statusCode(404);
    }

    @Test
    void invalidHandlersAreRefusedWith400AndNothingIsStored() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        Map<String, Object> twoTargets = handler("targetImsi", imsi, statusRule("active"), List.of());
        twoTargets.put("targetOperatorId", op.operatorId());
        refused(op, twoTargets, "MCK0502");
        Map<String, Object> noTarget = handler("targetImsi", imsi, statusRule("active"), List.of());
        noTarget.remove("targetImsi");
        refused(op, noTarget, "MCK0502");
        refused(op, handler("targetImsi", "001010000000000", statusRule("active"), List.of()), "MCK0502");
        refused(op, handler("targetOperatorId", "OP0000000000", statusRule("active"), List.of()), "MCK0502");
        refused(op, handler("targetGroupId", "no-such-group", statusRule("active"), List.of()), "MCK0502");
        List<Map<String, Object>> six = new ArrayList<>(Collections.nCopies(6, speedAction("s1.slow", "IMMEDIATELY").get(0)));
        refused(op, handler("targetImsi", imsi, statusRule("active"), six), "MCK0502");
        refused(op, handler("targetImsi", imsi, rule("SubscriberMonthlyTrafficRule", Map.of("inactiveTimeoutDateConst", "NEVER")),
                List.of()), "MCK0502");
        refused(op, handler("targetImsi", imsi, trafficRule("SubscriberMonthlyTrafficRule", "ten"), List.of()), "MCK0502");
        refused(op, handler("targetImsi", imsi, trafficRule("SubscriberMonthlyTrafficRule", "-1"), List.of()), "MCK0502");
        refused(op, handler("targetImsi", imsi, rule("SimStatusAttributeRule", Map.of("inactiveTimeoutDateConst", "NEVER")),
                List.of()), "MCK0502");
        refused(op, handler("targetImsi", imsi, statusRule("active"),
                List.of(action("ChangeSpeedClassAction", Map.of("executionDateTimeConst", "IMMEDIATELY")))), "MCK0502");
        refused(op, handler("targetImsi", imsi, statusRule("active"),
                List.of(action("ExecuteWebRequestAction", Map.of("executionDateTimeConst", "IMMEDIATELY", "httpMethod", "POST")))), "MCK0502");
        refused(op, handler("targetImsi", imsi, statusRule("active"),
                List.of(action("ExecuteWebRequestAction", Map.of("executionDateTimeConst", "IMMEDIATELY", "httpMethod", "POST",
                        "url", "not a url")))), "MCK0502");
        refused(op, handler("targetImsi", imsi, statusRule("active"),
                List.of(action("SendMailAction", Map.of("executionDateTimeConst", "IMMEDIATELY", "title", "t",
                        "message", "m")))), "MCK0502");
        refused(op, handler("targetImsi", imsi, rule("NoSuchRule", Map.of()), List.of()), "COM0008");
        assertThat(as(op).get("/v1/event_handlers").then().statusCode(200).extract().<List<?>>path("$")).isEmpty();

        // unknown handler or subscriber
        String h = create(op, handler("targetImsi", imsi, statusRule("active"), List.of())).path("handlerId");
        as(op).post("/v1/event_handlers/no-such-handler/subscribers/" + imsi + "/ignore").then().statusCode(404);
        as(op).post("/v1/event_handlers/" + h + "/subscribers/001010000000000/ignore").then().statusCode(404)
                .body("code", equalTo("SEM0001"));
        as(op).get("/v1/event_handlers/subscribers/001010000000000").then().statusCode(404);
        as(op).get("/v1/event_handlers/no-such-handler").then().statusCode(404);
        api().get("/_mock/event-handlers/no-such-handler/firings").then().statusCode(404);
    }

    // --- firing ---

    @Test
    void monthlyTrafficHandlerOnAGroupSlowsTheSimAtOnceFiresOnceAndReArmsNextMonth() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String ignored = registeredSim(op);
        String group = group(op);
        setGroup(op, imsi, group);
        setGroup(op, ignored, group);
        String h = create(op, handler("targetGroupId", group, trafficRule("MonthlyTrafficRule", "1"),
                speedAction("s1.minimum", "IMMEDIATELY"))).path("handlerId");
        as(op).post("/v1/event_handlers/" + h + "/subscribers/" + ignored + "/ignore").then().statusCode(200);

        traffic(imsi, MIB / 2);
        assertThat(speedClass(op, imsi)).isEqualTo("s1.standard");
        assertThat(firings(h)).isEmpty();

        traffic(imsi, MIB);
        assertThat(speedClass(op, imsi)).isEqualTo("s1.minimum");
        traffic(ignored, 3 * MIB);
        assertThat(speedClass(op, ignored)).as("an ignored SIM is left alone").isEqualTo("s1.standard");
        List<Map<String, Object>> fired = firings(h);
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0)).containsEntry("imsi", imsi).containsEntry("ruleType", "SubscriberMonthlyTrafficRule");
        assertThat(actions(fired.get(0))).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("type", "ChangeSpeedClassAction").containsEntry("status", "done"));
        // the change went through the SIM API's rules: it is in the status history
        assertThat(as(op).get("/v1/sims/" + imsi + "/statuses/history").then().statusCode(200).extract()
                .<List<String>>path("speedClass")).contains("s1.minimum");

        // fires once a month: set back by hand, more traffic in June leaves it alone
        speed(op, imsi, "s1.standard");
        traffic(imsi, 2 * MIB);
        assertThat(speedClass(op, imsi)).isEqualTo("s1.standard");
        assertThat(firings(h)).hasSize(1);

        // re-armed at the beginning of July: July's traffic crosses the limit again
        api().contentType(ContentType.JSON).body(Map.of("now", "2026-07-02T00:00:00Z")).put("/_mock/clock")
                .then().statusCode(200);
        Operator again = login(op);
        traffic(imsi, MIB / 2);
        assertThat(speedClass(again, imsi)).isEqualTo("s1.standard");
        traffic(imsi, MIB);
        assertThat(speedClass(again, imsi)).isEqualTo("s1.minimum");
        assertThat(firings(h)).hasSize(2);
        assertThat(speedClass(again, ignored)).isEqualTo("s1.standard");

        // unignored, the other SIM fires too (it has 0 bytes in July so far)
        as(again).delete("/v1/event_handlers/" + h + "/subscribers/" + ignored + "/ignore").then().statusCode(204);
        traffic(ignored, 2 * MIB);
        assertThat(speedClass(again, ignored)).isEqualTo("s1.minimum");
    }

    @Test
    void anActionAtTheBeginningOfNextMonthWaitsForTheClock() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String h = create(op, handler("targetImsi", imsi, trafficRule("SubscriberMonthlyTrafficRule", "1"),
                speedAction("s1.slow", "BEGINNING_OF_NEXT_MONTH"))).path("handlerId");

        traffic(imsi, 2 * MIB);
        assertThat(speedClass(op, imsi)).isEqualTo("s1.standard");
        Map<String, Object> action = actions(firings(h).get(0)).get(0);
        assertThat(action).containsEntry("status", "scheduled")
                .containsEntry("scheduledTime", Instant.parse("2026-07-01T00:00:00Z").toEpochMilli());

        api().contentType(ContentType.JSON).body(Map.of("seconds", 10 * 86400)).post("/_mock/clock/advance")
                .then().statusCode(200);
        Operator again = login(op);
        assertThat(speedClass(again, imsi)).as("not July yet").isEqualTo("s1.standard");
        api().contentType(ContentType.JSON).body(Map.of("seconds", 6 * 86400)).post("/_mock/clock/advance")
                .then().statusCode(200);
        again = login(op);
        assertThat(speedClass(again, imsi)).isEqualTo("s1.slow");
        assertThat(actions(firings(h).get(0)).get(0)).containsEntry("status", "done");
    }

    @Test
    void anExpiryHandlerCallsTheWebHookWhenTheClockPassesTheExpiry() throws IOException {
        List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = hook(received, 200);
        try {
            Operator op = newOperator();
            String imsi = registeredSim(op);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/${imsi}";
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("executionDateTimeConst", "IMMEDIATELY");
            props.put("url", url);
            props.put("httpMethod", "POST");
            props.put("contentType", "application/json");
            props.put("headers", Map.of("X-Sim", "${simId}"));
            props.put("body", "{\"imsi\":\"${imsi}\",\"old\":\"${oldSpeedClass}\",\"new\":\"${newSpeedClass}\"}");
            String h = create(op, handler("targetImsi", imsi, rule("SubscriberExpiredRule",
                    Map.of("inactiveTimeoutDateConst", "NEVER")), List.of(speedAction("s1.slow", "IMMEDIATELY").get(0),
                    action("ExecuteWebRequestAction", props)))).path("handlerId");
            long expiry = JUNE_15.toEpochMilli() + 3_600_000;
            as(op).contentType(ContentType.JSON).body(Map.of("expiryTime", expiry, "expiryAction", "doNothing"))
                    .post("/v1/subscribers/" + imsi + "/set_expiry_time").then().statusCode(200);

            api().contentType(ContentType.JSON).body(Map.of("seconds", 1800)).post("/_mock/clock/advance").then().statusCode(200);
            assertThat(received).as("not expired yet").isEmpty();
            api().contentType(ContentType.JSON).body(Map.of("seconds", 3600)).post("/_mock/clock/advance").then().statusCode(200);

            assertThat(received).singleElement().satisfies(r -> assertThat(r)
                    .containsEntry("method", "POST").containsEntry("path", "/hook/" + imsi)
                    .containsEntry("contentType", "application/json").containsEntry("X-Sim", imsi)
                    .containsEntry("body", "{\"imsi\":\"" + imsi + "\",\"old\":\"s1.standard\",\"new\":\"s1.slow\"}"));
            Map<String, Object> firing = firings(h).get(0);
            assertThat(firing).containsEntry("ruleType", "SubscriberExpiredRule");
            assertThat(actions(firing).get(1)).containsEntry("status", "done").containsEntry("result", "HTTP 200");
            assertThat(speedClass(op, imsi)).isEqualTo("s1.slow");
            // NEVER: the next move of the clock does not fire again
            api().contentType(ContentType.JSON).body(Map.of("seconds", 60)).post("/_mock/clock/advance").then().statusCode(200);
            assertThat(received).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebHookAnswering500IsWrittenToTheOperatorsErrorLog() throws IOException {
        List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = hook(received, 500);
        try {
            Operator op = newOperator();
            String imsi = registeredSim(op);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/fail";
            String h = create(op, handler("targetImsi", imsi, statusRule("active"), List.of(action("ExecuteWebRequestAction",
                    Map.of("executionDateTimeConst", "IMMEDIATELY", "url", url, "httpMethod", "GET"))))).path("handlerId");
            as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);

            assertThat(received).singleElement().satisfies(r -> assertThat(r).containsEntry("method", "GET"));
            assertThat(actions(firings(h).get(0)).get(0)).containsEntry("status", "failed").containsEntry("result", "HTTP 500");
            // the operator reads it in its error log, as a user would
            Response logs = as(op).queryParam("resource_type", "Subscriber").queryParam("resource_id", imsi).get("/v1/logs");
            logs.then().statusCode(200);
            List<Map<String, Object>> entries = logs.jsonPath().getList("$");
            assertThat(entries).singleElement().satisfies(l -> {
                assertThat(l).containsEntry("service", "Air").containsEntry("resourceType", "Subscriber")
                        .containsEntry("resourceId", imsi).containsEntry("logLevel", "error")
                        .containsEntry("operatorId", op.operatorId());
                assertThat((Map<String, Object>) l.get("body")).containsEntry("handlerId", h).containsEntry("url", url)
                        .containsEntry("status", 500);
            });
            // another operator's log does not have it
            assertThat(as(newOperator()).get("/v1/logs").jsonPath().getList("$")).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anOperatorsHandlerNeverSeesAnotherOperatorsSims() {
        Operator a = newOperator();
        Operator b = newOperator();
        String simA = registeredSim(a);
        String simB = registeredSim(b);
        String h = create(a, handler("targetOperatorId", a.operatorId(), statusRule("active"),
                speedAction("s1.slow", "IMMEDIATELY"))).path("handlerId");
        refused(a, handler("targetImsi", simB, statusRule("active"), List.of()), "MCK0502");

        as(b).post("/v1/subscribers/" + simB + "/activate").then().statusCode(200);
        traffic(simB, 5 * MIB);
        assertThat(firings(h)).isEmpty();
        assertThat(speedClass(b, simB)).isEqualTo("s1.standard");
        as(b).get("/v1/event_handlers/" + h).then().statusCode(404);
        as(b).post("/v1/event_handlers/" + h + "/subscribers/" + simB + "/ignore").then().statusCode(404);
        assertThat(as(b).get("/v1/event_handlers/subscribers/" + simB).then().statusCode(200).extract()
                .<List<?>>path("$")).isEmpty();

        as(a).post("/v1/subscribers/" + simA + "/activate").then().statusCode(200);
        assertThat(firings(h)).singleElement().satisfies(f -> assertThat(f).containsEntry("imsi", simA));
        assertThat(speedClass(a, simA)).isEqualTo("s1.slow");
    }

    @Test
    void aStatusRuleWithASourceStatusSendsMailsWithTheVariablesFilledIn() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("inactiveTimeoutDateConst", "IMMEDIATELY");
        props.put("sourceStatus", "inactive");
        props.put("targetStatus", "active");
        String h = create(op, handler("targetSimId", imsi, rule("SimStatusAttributeRule", props), List.of(
                action("SendMailAction", Map.of("executionDateTimeConst", "IMMEDIATELY", "to", "ops@example.com",
                        "title", "${imsi} is ${newStatus}", "message", "was ${oldStatus}")),
                action("SendMailToOperatorAction", Map.of("executionDateTimeConst", "IMMEDIATELY", "title", "t",
                        "message", "m"))))).path("handlerId");

        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        assertThat(firings(h)).as("ready -> active is not from inactive").isEmpty();
        as(op).post("/v1/subscribers/" + imsi + "/deactivate").then().statusCode(200);
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        assertThat(firings(h)).hasSize(1);
        List<Map<String, Object>> mails = api().queryParam("operator_id", op.operatorId()).get("/_mock/mails")
                .then().statusCode(200).extract().path("$");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0)).containsEntry("to", "ops@example.com").containsEntry("title", imsi + " is active")
                .containsEntry("message", "was inactive").containsEntry("actionType", "SendMailAction");
        assertThat(mails.get(1)).doesNotContainKey("to").containsEntry("actionType", "SendMailToOperatorAction");

        // IMMEDIATELY: re-armed at once, fires on the next change again
        as(op).post("/v1/subscribers/" + imsi + "/deactivate").then().statusCode(200);
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        assertThat(firings(h)).hasSize(2);
        // a reset of the operator clears its mailbox
        api().post("/_mock/operators/" + op.operatorId() + "/reset").then().statusCode(200);
        assertThat(api().queryParam("operator_id", op.operatorId()).get("/_mock/mails").then().statusCode(200)
                .extract().<List<?>>path("$")).isEmpty();
    }

    @Test
    void aSessionRuleFiresOnTheSessionStatusItNames() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String h = create(op, handler("targetImsi", imsi, rule("SubscriberSessionStatusRule",
                Map.of("inactiveTimeoutDateConst", "IMMEDIATELY", "sessionStatus", "Deleted")),
                List.of(action("SuspendAction", Map.of("executionDateTimeConst", "IMMEDIATELY"))))).path("handlerId");

        session(imsi, true);
        assertThat(firings(h)).isEmpty();
        assertThat(status(op, imsi)).isEqualTo("ready");
        session(imsi, false);
        assertThat(firings(h)).singleElement().satisfies(f -> assertThat(f.get("event"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("type", "SessionDeleted"));
        assertThat(status(op, imsi)).isEqualTo("suspended");
    }

    @Test
    void anInactiveHandlerNeverFiresAndRunOnceAmongTargetFiresForOneSimOnly() {
        Operator op = newOperator();
        String first = registeredSim(op);
        String second = registeredSim(op);
        String group = group(op);
        setGroup(op, first, group);
        setGroup(op, second, group);
        Map<String, Object> inactive = handler("targetGroupId", group, statusRule("active"), speedAction("s1.slow", "IMMEDIATELY"));
        inactive.put("status", "inactive");
        String quiet = create(op, inactive).path("handlerId");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("inactiveTimeoutDateConst", "NEVER");
        props.put("limitTotalTrafficMegaByte", "1");
        props.put("runOnceAmongTarget", "true");
        String once = create(op, handler("targetGroupId", group, rule("SubscriberDailyTrafficRule", props),
                speedAction("s1.minimum", "IMMEDIATELY"))).path("handlerId");

        as(op).post("/v1/subscribers/" + first + "/activate").then().statusCode(200);
        assertThat(firings(quiet)).isEmpty();
        assertThat(speedClass(op, first)).isEqualTo("s1.standard");

        traffic(first, 2 * MIB);
        traffic(second, 2 * MIB);
        assertThat(firings(once)).singleElement().satisfies(f -> assertThat(f).containsEntry("imsi", first));
        assertThat(speedClass(op, first)).isEqualTo("s1.minimum");
        assertThat(speedClass(op, second)).isEqualTo("s1.standard");
    }

    @Test
    void sandboxStatsInsertsAreTrafficTooAndTheFirstTrafficRuleFiresOnTheFirstOnly() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String first = create(op, handler("targetImsi", imsi, rule("SubscriberFirstTrafficRule",
                Map.of("inactiveTimeoutDateConst", "IMMEDIATELY")), List.of(action("SendMailToOperatorAction",
                        Map.of("executionDateTimeConst", "IMMEDIATELY", "title", "first", "message", "${imsi}")))))
                .path("handlerId");
        String cumulative = create(op, handler("targetImsi", imsi, rule("CumulativeTrafficRule",
                Map.of("inactiveTimeoutDateConst", "NEVER", "limitTotalTrafficMegaByte", "2")),
                List.of(action("DeactivationAction", Map.of("executionDateTimeConst", "IMMEDIATELY"))))).path("handlerId");

        long t = JUNE_15.getEpochSecond();
        insertAir(op, imsi, t - 600, MIB);
        assertThat(firings(first)).hasSize(1);
        assertThat(firings(cumulative)).isEmpty();
        insertAir(op, imsi, t - 300, 2 * MIB);
        assertThat(firings(first)).as("not the first traffic any more").hasSize(1);
        assertThat(firings(cumulative)).hasSize(1);
        assertThat(status(op, imsi)).isEqualTo("inactive");
    }

    @Test
    void aMonthlyChargeRuleFiresOnceWhenTheRunningBillCrossesTheLimitByTrafficAndNeverOnAnotherOperatorsBill() {
        Operator op = newOperator();
        Operator other = newOperator();
        String imsi = registeredSim(op);
        String otherImsi = registeredSim(other);
        // the bill so far: one day of basic fee (10 JPY); s1.standard traffic costs 0.24 JPY a MiB
        String h = create(op, handler("targetOperatorId", op.operatorId(), rule("MonthlyChargeRule",
                Map.of("inactiveTimeoutDateConst", "BEGINNING_OF_NEXT_MONTH", "limitTotalAmount", "100")),
                List.of(action("SendMailToOperatorAction", Map.of("executionDateTimeConst", "IMMEDIATELY",
                        "title", "bill over limit", "message", "${imsi}"))))).path("handlerId");

        traffic(otherImsi, 1000 * MIB);
        assertThat(firings(h)).as("another operator's bill is not this one's").isEmpty();
        traffic(imsi, 300 * MIB);
        assertThat(firings(h)).as("10 + 72 JPY is under the limit").isEmpty();

        traffic(imsi, 100 * MIB);
        List<Map<String, Object>> fired = firings(h);
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("imsi", imsi).containsEntry("ruleType", "MonthlyChargeRule");
            assertThat(f.get("event")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("type", "MonthlyCharge").containsEntry("limitTotalAmount", 100);
            assertThat(actions(f)).singleElement().satisfies(a -> assertThat(a).containsEntry("status", "done"));
        });
        assertThat(api().queryParam("operator_id", op.operatorId()).get("/_mock/mails").then().statusCode(200)
                .extract().<List<String>>path("message")).containsExactly(imsi);

        // once for the operator until next month: more traffic, another SIM, leave it alone
        String second = registeredSim(op);
        traffic(second, 10 * MIB);
        traffic(imsi, 10 * MIB);
        assertThat(firings(h)).hasSize(1);
        assertThat(api().queryParam("operator_id", other.operatorId()).get("/_mock/mails").then().statusCode(200)
                .extract().<List<?>>path("$")).isEmpty();
    }

    @Test
    void aMonthlyChargeRuleOnASimCountsThatSimsChargesAndFiresWhenTheClockAddsDays() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String other = registeredSim(op);
        String h = create(op, handler("targetSimId", imsi, rule("MonthlyChargeRule",
                Map.of("inactiveTimeoutDateConst", "BEGINNING_OF_NEXT_MONTH", "limitTotalAmount", "45")),
                speedAction("s1.slow", "IMMEDIATELY"))).path("handlerId");

        traffic(other, 500 * MIB);
        assertThat(firings(h)).as("the other SIM's charges are not the target's").isEmpty();
        traffic(imsi, 100 * MIB);
        assertThat(firings(h)).as("10 + 24 JPY").isEmpty();

        // two more days of basic fee: 30 + 24 JPY
        api().contentType(ContentType.JSON).body(Map.of("now", "2026-06-17T12:00:00Z")).put("/_mock/clock")
                .then().statusCode(200);
        assertThat(firings(h)).singleElement().satisfies(f -> assertThat(f).containsEntry("imsi", imsi));
        assertThat(speedClass(login(op), imsi)).isEqualTo("s1.slow");
        assertThat(speedClass(login(op), other)).isEqualTo("s1.standard");
    }

    @Test
    void anImeiMismatchedRuleFiresOnASessionWhoseImeiDiffersFromThePreviousOneOrFromTheLock() {
        Operator op = newOperator();
        String imsi = registeredSim(op);
        String locked = registeredSim(op);
        String h = create(op, handler("targetOperatorId", op.operatorId(), rule("SubscriberImeiMismatchedRule",
                Map.of("inactiveTimeoutDateConst", "IMMEDIATELY")),
                List.of(action("SuspendAction", Map.of("executionDateTimeConst", "IMMEDIATELY"))))).path("handlerId");

        session(imsi, true);
        imeiSession(imsi, "353000000000001");
        session(imsi, false);
        imeiSession(imsi, "353000000000001");
        assertThat(firings(h)).as("a session without IMEI, the first IMEI, the same one again").isEmpty();
        assertThat(status(op, imsi)).isEqualTo("ready");

        imeiSession(imsi, "353000000000002");
        assertThat(firings(h)).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("imsi", imsi).containsEntry("ruleType", "SubscriberImeiMismatchedRule");
            assertThat(f.get("event")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("type", "ImeiMismatched").containsEntry("imei", "353000000000002")
                    .containsEntry("expectedImei", "353000000000001");
        });
        assertThat(status(op, imsi)).isEqualTo("suspended");

        // with a lock, the lock is what the IMEI must be, the first session included
        as(op).contentType(ContentType.JSON).body(Map.of("imei", "353000000000009"))
                .post("/v1/subscribers/" + locked + "/set_imei_lock").then().statusCode(200);
        imeiSession(locked, "353000000000009");
        assertThat(firings(h)).hasSize(1);
        imeiSession(locked, "353000000000003");
        assertThat(firings(h)).hasSize(2).last().satisfies(f -> assertThat(f.get("event"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("expectedImei", "353000000000009").containsEntry("imeiLocked", true));
        assertThat(status(op, locked)).isEqualTo("suspended");
    }

    @Test
    void anImeiMismatchedRuleNeverSeesAnotherOperatorsSims() {
        Operator a = newOperator();
        Operator b = newOperator();
        String simA = registeredSim(a);
        String simB = registeredSim(b);
        String h = create(a, handler("targetOperatorId", a.operatorId(), rule("SimImeiMismatchedRule",
                Map.of("inactiveTimeoutDateConst", "IMMEDIATELY")),
                List.of(action("SuspendAction", Map.of("executionDateTimeConst", "IMMEDIATELY"))))).path("handlerId");

        imeiSession(simB, "353000000000001");
        imeiSession(simB, "353000000000002");
        assertThat(firings(h)).isEmpty();
        assertThat(status(b, simB)).isEqualTo("ready");
        imeiSession(simA, "353000000000001");
        imeiSession(simA, "353000000000002");
        assertThat(firings(h)).singleElement().satisfies(f -> assertThat(f).containsEntry("imsi", simA));
    }

    private void insertAir(Operator op, String imsi, long unixtime, long downloadBytes) {
        as(op).contentType(ContentType.JSON).body(Map.of("unixtime", unixtime, "dataTrafficStatsMap",
                Map.of("s1.standard", Map.of("uploadByteSizeTotal", 0, "downloadByteSizeTotal", downloadBytes,
                        "uploadPacketSizeTotal", 0, "downloadPacketSizeTotal", 1))))
                .post("/v1/sandbox/stats/air/subscribers/" + imsi).then().statusCode(200);
    }

    // --- helpers ---

    private static Map<String, Object> handler(String targetField, String target, Map<String, Object> rule,
            List<Map<String, Object>> actions) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put(targetField, target);
        h.put("name", "h");
        h.put("description", "test handler");
        h.put("status", "active");
        h.put("ruleConfig", rule);
        h.put("actionConfigList", actions);
        return h;
    }

    private static Map<String, Object> rule(String type, Map<String, Object> properties) {
        return Map.of("type", type, "properties", properties);
    }

    private static Map<String, Object> trafficRule(String type, String megaBytes) {
        return rule(type, Map.of("inactiveTimeoutDateConst", "BEGINNING_OF_NEXT_MONTH", "limitTotalTrafficMegaByte", megaBytes));
    }

    private static Map<String, Object> statusRule(String targetStatus) {
        return rule("SubscriberStatusAttributeRule", Map.of("inactiveTimeoutDateConst", "IMMEDIATELY", "targetStatus", targetStatus));
    }

    private static Map<String, Object> action(String type, Map<String, Object> properties) {
        return Map.of("type", type, "properties", properties);
    }

    private static List<Map<String, Object>> speedAction(String speedClass, String when) {
        return List.of(action("ChangeSpeedClassAction", Map.of("executionDateTimeConst", when, "speedClass", speedClass)));
    }

    private Response create(Operator op, Map<String, Object> body) {
        Response r = as(op).contentType(ContentType.JSON).body(body).post("/v1/event_handlers");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r;
    }

    private void refused(Operator op, Map<String, Object> body, String code) {
        as(op).contentType(ContentType.JSON).body(body).post("/v1/event_handlers").then().statusCode(400)
                .body("code", equalTo(code));
    }

    private String group(Operator op) {
        return as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "fleet"))).post("/v1/groups")
                .then().statusCode(201).extract().path("groupId");
    }

    private void setGroup(Operator op, String imsi, String group) {
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", group)).post("/v1/subscribers/" + imsi + "/set_group")
                .then().statusCode(200);
    }

    private void speed(Operator op, String imsi, String speedClass) {
        as(op).contentType(ContentType.JSON).body(Map.of("speedClass", speedClass))
                .post("/v1/subscribers/" + imsi + "/update_speed_class").then().statusCode(200);
    }

    /** Sandbox SIMs have SIM ID = IMSI. */
    private void traffic(String simId, long bytes) {
        api().contentType(ContentType.JSON).body(Map.of("downloadBytes", bytes)).post("/_mock/sims/" + simId + "/traffic")
                .then().statusCode(200);
    }

    private void session(String simId, boolean online) {
        api().contentType(ContentType.JSON).body(Map.of("online", online)).post("/_mock/sims/" + simId + "/session")
                .then().statusCode(200);
    }

    private void imeiSession(String simId, String imei) {
        api().contentType(ContentType.JSON).body(Map.of("online", true, "imei", imei))
                .post("/_mock/sims/" + simId + "/session").then().statusCode(200);
    }

    private String speedClass(Operator op, String imsi) {
        return as(op).get("/v1/subscribers/" + imsi).then().statusCode(200).extract().path("speedClass");
    }

    private String status(Operator op, String imsi) {
        return as(op).get("/v1/subscribers/" + imsi).then().statusCode(200).extract().path("status");
    }

    private List<Map<String, Object>> firings(String handlerId) {
        return api().get("/_mock/event-handlers/" + handlerId + "/firings").then().statusCode(200).extract().path("$");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(Map<String, Object> firing) {
        return (List<Map<String, Object>>) firing.get("actions");
    }

    /** A new token after the clock moved past the old one's expiry. */
    private Operator login(Operator op) {
        Response r = api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password()))
                .post("/v1/auth");
        r.then().statusCode(200);
        return new Operator(op.operatorId(), r.path("apiKey"), r.path("token"), op.email(), op.password());
    }

    /** A local web hook answering {@code status}, recording each request's method, path, content type, X-Sim, body. */
    private static HttpServer hook(List<Map<String, String>> received, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("method", exchange.getRequestMethod());
            r.put("path", exchange.getRequestURI().getPath());
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                r.put("contentType", type);
            }
            String sim = exchange.getRequestHeaders().getFirst("X-Sim");
            if (sim != null) {
                r.put("X-Sim", sim);
            }
            try (InputStream in = exchange.getRequestBody()) {
                r.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            received.add(r);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
