package dev.soracommock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.contract.Operations;
import dev.soracommock.coverage.CoverageReport;
import dev.soracommock.fallback.ContractExamples;
import dev.soracommock.kernel.PendingWrites;
import dev.soracommock.support.ApiTest;
import dev.soracommock.support.ContractRequest;
import dev.soracommock.support.OperationRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant isolation across every stateful operation: operator A owns one resource of each kind (SIM with tags, group,
 * SAM user with a role and an auth key, role, auth key, shipping address, order, coupon, stats, a packet capture
 * session, a system notification setting; an eSIM order of its eSIM Commerce API key; an event handler that fired and
 * ignores the SIM); operator B, with a key of its own, then calls every stateful operation of the contracts
 * with A's identifiers in the path, the query and the body (the rest of the request built from the contract by
 * {@link OperationRequests}, as the sweep's). No answer to B may carry A's data, and A's rows are the same
 * afterwards, in the database and as A sees them over HTTP.
 */
class IsolationSweepTest extends ApiTest {

    /** Operations that end the caller's own session or operator: B calls them last. */
    private static final Set<String> LAST = Set.of("logout", "revokeOperatorAuthTokens", "sandboxDeleteOperator");

    @Autowired
    Operations operations;

    @Autowired
    ContractDocuments documents;

    @Autowired
    CoverageReport coverage;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    /** Rows held in memory before they are written (the API audit log's): written before the tables are read. */
    @Autowired
    List<PendingWrites> pendingWrites;

    private RawHttp http;

    /** A's identifiers by the parameter and field names that carry them. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** A's eSIM identifiers (the eSIM Commerce API's {@code {iccid}} is an eSIM's, not a SIM's). */
    private final Map<String, String> esimIds = new LinkedHashMap<>();

    /** A's eSIM Commerce API key (a reseller of its own). */
    private String esimKey;

    /** A's data that B never sends: must appear in no answer to B. */
    private final List<String> secrets = new ArrayList<>();

    @Test
    void anotherOperatorSeesAndChangesNothingOfOperatorA() {
        http = new RawHttp(port);
        Operator a = newOperator();
        Operator b = newOperator();
        String marker = "isoA" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createEverything(a, marker);
        List<String> views = views(a);
        Map<String, String> before = read(a, views);
        // the control: the same reads show A its data, so an answer that served it to B would be seen
        assertThat(before.values()).filteredOn(v -> v.contains(marker)).hasSizeGreaterThanOrEqualTo(5);
        String rowsBefore = rowsOf(a.operatorId());

        List<Operations.Entry> calls = new ArrayList<>();
        Set<String> stateful = new java.util.HashSet<>();
        coverage.summary().rows().stream().filter(r -> r.state() == CoverageReport.State.STATEFUL)
                .forEach(r -> stateful.add(r.operationId()));
        operations.all().stream().filter(e -> stateful.contains(e.spec().operationId())
                && !LAST.contains(e.spec().operationId())).forEach(calls::add);
        LAST.forEach(id -> calls.add(operations.require(id)));
        assertThat(calls).hasSizeGreaterThan(100);

        OperationRequests requests = new OperationRequests(documents, json, new ContractExamples(documents, json));
        List<String> leaks = new ArrayList<>();
        // B's API audit log lists B's own earlier calls, whose paths carry A's identifiers: B's own data
        StringBuilder sentBefore = new StringBuilder();
        for (Operations.Entry entry : calls) {
            RawHttp.Call call = RawHttp.Call.of(callAs(b, requests, entry, marker));
            RawHttp.Answer answer = http.send(call);
            String problem = ErrorForm.problem(call, answer, json);
            if (problem != null) {
                leaks.add(entry.spec().operationId() + ": " + call + " → " + problem);
            }
            String sent = call.pathAndQuery() + " " + new String(call.body(), StandardCharsets.UTF_8);
            sentBefore.append(call.pathAndQuery()).append('\n');
            if (entry.spec().operationId().equals("getApiAuditLogs")) {
                sent = sentBefore + sent;
            }
            for (String secret : secrets) {
                if (!sent.contains(secret) && answer.text().contains(secret)) {
                    leaks.add(entry.spec().operationId() + ": " + call + " → " + answer.status() + " shows A's " + secret
                            + ": " + ErrorForm.shorten(answer.text()));
                }
            }
        }

        assertThat(leaks).as("answers to operator B").isEmpty();
        assertThat(rowsOf(a.operatorId())).as("operator A's rows").isEqualTo(rowsBefore);
        Map<String, String> after = read(a, views);
        views.forEach(v -> assertThat(after.get(v)).as("A's view of %s", v).isEqualTo(before.get(v)));
    }

    // --- A's resources ---

    private void createEverything(Operator a, String marker) {
        String op = "/v1/operators/" + a.operatorId();
        JsonNode sim = ok(a, "POST", "/v1/sandbox/subscribers/create", "{}");
        String imsi = sim.path("imsi").asString();
        ok(a, "POST", "/v1/subscribers/" + imsi + "/register",
                "{\"registrationSecret\":\"" + sim.path("registrationSecret").asString() + "\"}");
        ok(a, "PUT", "/v1/subscribers/" + imsi + "/tags", "[{\"tagName\":\"name\",\"tagValue\":\"" + marker + "-sim\"}]");
        JsonNode subscriber = ok(a, "GET", "/v1/subscribers/" + imsi, null);
        String group = ok(a, "POST", "/v1/groups", "{\"tags\":{\"name\":\"" + marker + "-group\"}}").path("groupId").asString();
        ok(a, "POST", "/v1/subscribers/" + imsi + "/set_group", "{\"groupId\":\"" + group + "\"}");
        String user = marker + "user";
        ok(a, "POST", op + "/users/" + user, "{\"description\":\"" + marker + "-user\"}");
        String role = marker + "role";
        ok(a, "POST", op + "/roles/" + role, "{\"description\":\"" + marker + "-role\",\"permission\":"
                + json.writeValueAsString("{\"statements\":[{\"effect\":\"allow\",\"api\":[\"Operator:getOperator\"]}]}") + "}");
        ok(a, "POST", op + "/users/" + user + "/roles", "{\"roleId\":\"" + role + "\"}");
        String authKey = ok(a, "POST", op + "/auth_keys", null).path("authKeyId").asString();
        String userKey = ok(a, "POST", op + "/users/" + user + "/auth_keys", null).path("authKeyId").asString();
        String address = ok(a, "POST", op + "/shipping_addresses", "{\"fullName\":\"" + marker + " Taro\",\"zipCode\":\"107-0052\","
                + "\"state\":\"東京都\",\"city\":\"港区\",\"addressLine1\":\"" + marker + "-street\",\"phoneNumber\":\"03-0000-0000\"}")
                .path("shippingAddressId").asString();
        String order = ok(a, "POST", "/v1/orders", "{\"orderItemList\":[{\"productCode\":\"4573326590013\",\"quantity\":1}],"
                + "\"shippingAddressId\":\"" + address + "\"}").path("orderId").asString();
        String coupon = ok(a, "POST", "/v1/sandbox/coupons/create", "{\"amount\":1000,\"applicableBillItemName\":\"dailyDataTrafficChargeTotal\","
                + "\"expiryYearMonth\":\"209912\"}").path("couponCode").asString();
        ok(a, "POST", "/v1/coupons/" + coupon + "/register", null);
        long now = System.currentTimeMillis() / 1000;
        ok(a, "POST", "/v1/sandbox/stats/air/subscribers/" + imsi, "{\"unixtime\":" + now + ",\"dataTrafficStatsMap\":{\"s1.fast\":"
                + "{\"uploadByteSizeTotal\":7771,\"downloadByteSizeTotal\":7772,\"uploadPacketSizeTotal\":1,\"downloadPacketSizeTotal\":2}}}");

        String soralet = marker + "-soralet";
        ok(a, "POST", "/v1/soralets", "{\"soraletId\":\"" + soralet + "\",\"description\":\"" + marker + "\"}");
        try (java.io.InputStream in = getClass().getResourceAsStream("/soralet/echo.wasm")) {
            RawHttp.Answer up = http.send(new RawHttp.Call("POST", "/v1/soralets/" + soralet + "/versions",
                    Map.of("X-Soracom-API-Key", a.apiKey(), "X-Soracom-Token", a.token(),
                            "Content-Type", "application/octet-stream"), in.readAllBytes()));
            assertThat(up.status()).as("upload: %s", up.text()).isEqualTo(201);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ok(a, "POST", "/v1/soralets/" + soralet + "/test", "{\"version\":\"1\",\"direction\":\"uplink\","
                + "\"contentType\":\"application/json\",\"payload\":\"{\\\"m\\\":\\\"" + marker + "\\\"}\","
                + "\"source\":{\"resourceType\":\"Subscriber\",\"resourceId\":\"" + imsi + "\"}}");
        // a credentials set and a Harvest Data entry sent by the SIM's device (group with Harvest, active, online)
        String credentialsId = marker + "-psk";
        ok(a, "POST", "/v1/credentials/" + credentialsId, "{\"type\":\"psk\",\"description\":\"" + marker
                + "-cred\",\"credentials\":{\"key\":\"" + marker + "-secret\"}}");
        ok(a, "PUT", "/v1/groups/" + group + "/configuration/SoracomHarvest", "[{\"key\":\"enabled\",\"value\":true}]");
        ok(a, "POST", "/v1/subscribers/" + imsi + "/activate", null);
        RawHttp.Answer session = http.send(new RawHttp.Call("POST", "/_mock/sims/" + imsi + "/session",
                Map.of("Content-Type", "application/json"), "{\"online\":true}".getBytes(StandardCharsets.UTF_8)));
        assertThat(session.status()).as(session.text()).isEqualTo(200);
        RawHttp.Answer sent = http.send(new RawHttp.Call("POST", "/_mock/sims/" + imsi + "/unified",
                Map.of("Content-Type", "application/json"), ("{\"m\":\"" + marker + "-data\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        JsonNode entry = ok(a, "GET", "/v1/data/Subscriber/" + imsi, null).path(0);
        ids.put("credentials_id", credentialsId);
        ids.put("resource_type", "Subscriber");
        ids.put("resource_id", imsi);
        ids.put("time", String.valueOf(entry.path("time").asLong()));
        secrets.add(credentialsId);
        // Harvest Files: a file (and its directory) of A, an export of A's, a device registered for A's SIM
        String filePath = marker + "-dir/" + marker + ".txt";
        ok(a, "PUT", "/v1/files/private/" + filePath, "{\"file\":\"" + marker + "-file\"}");
        String exportedFile = ok(a, "POST", "/v1/bills/latest/export?export_mode=async", null).path("exportedFileId")
                .asString();
        String simId = subscriber.path("simId").isString() ? subscriber.path("simId").asString() : imsi;
        RawHttp.Answer registered = http.send(new RawHttp.Call("PUT", "/_mock/sims/" + simId + "/device",
                Map.of("Content-Type", "application/json"),
                ("{\"baseUrl\":\"http://127.0.0.1:9/" + marker + "-device\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        // a packet capture session of A's SIM (capturing for a day: the sweep never sees it end) and a system
        // notification setting of A's
        String capture = ok(a, "POST", "/v1/sims/" + simId + "/packet_capture_sessions",
                "{\"duration\":86400,\"prefix\":\"" + marker + "\"}").path("sessionId").asString();
        ok(a, "POST", op + "/system_notifications/billing", "{\"emailIdList\":[\"primary\"]}");
        ids.put("session_id", capture);
        secrets.add(capture);

        // an event handler of A's on its SIM, that has fired once (a firing and a mail) and ignores the SIM since
        String handler = ok(a, "POST", "/v1/event_handlers", "{\"targetImsi\":\"" + imsi + "\",\"name\":\"" + marker
                + "-handler\",\"status\":\"active\",\"ruleConfig\":{\"type\":\"SubscriberStatusAttributeRule\","
                + "\"properties\":{\"inactiveTimeoutDateConst\":\"IMMEDIATELY\",\"targetStatus\":\"inactive\"}},"
                + "\"actionConfigList\":[{\"type\":\"SendMailAction\",\"properties\":{\"executionDateTimeConst\":"
                + "\"IMMEDIATELY\",\"to\":\"" + marker + "@example.com\",\"title\":\"t\",\"message\":\"m\"}}]}")
                .path("handlerId").asString();
        ok(a, "POST", "/v1/subscribers/" + imsi + "/deactivate", null);
        ok(a, "POST", "/v1/subscribers/" + imsi + "/activate", null);
        ok(a, "POST", "/v1/event_handlers/" + handler + "/subscribers/" + imsi + "/ignore", null);
        ids.put("handler_id", handler);
        secrets.add(handler);

        esimKey = "isolation-a-" + marker;
        JsonNode esimOrder = send(a, "POST", "/esim-commerce/v1/esims", "{\"planCode\":\"KD0001\",\"quantity\":1}", esimKey).json(json);
        esimIds.put("iccid", esimOrder.path("esims").path(0).path("iccid").asString());
        esimIds.put("transactionId", esimOrder.path("transactionId").asString());
        assertThat(esimIds.values()).as("eSIM order %s", esimOrder).allSatisfy(v -> assertThat(v).isNotBlank());
        secrets.addAll(esimIds.values());

        // a Napter port mapping of A's SIM, a connection through it, and an error log entry (a soralet run that traps)
        JsonNode mapping = ok(a, "POST", "/v1/port_mappings/sims/" + simId, "{\"destination\":{\"port\":22},"
                + "\"duration\":28800,\"source\":{\"ipRanges\":[\"198.51.100.0/24\"]}}");
        RawHttp.Answer connected = http.send(new RawHttp.Call("POST", "/_mock/port-mappings/"
                + mapping.path("ipAddress").asString() + "/" + mapping.path("port").asLong() + "/connections",
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(connected.status()).as(connected.text()).isEqualTo(201);
        ids.put("ip_address", mapping.path("ipAddress").asString());
        ids.put("port", Long.toString(mapping.path("port").asLong()));
        String trap = marker + "-trap";
        ok(a, "POST", "/v1/soralets", "{\"soraletId\":\"" + trap + "\"}");
        try (java.io.InputStream in = getClass().getResourceAsStream("/soralet/trap.wasm")) {
            RawHttp.Answer up = http.send(new RawHttp.Call("POST", "/v1/soralets/" + trap + "/versions",
                    Map.of("X-Soracom-API-Key", a.apiKey(), "X-Soracom-Token", a.token(),
                            "Content-Type", "application/octet-stream"), in.readAllBytes()));
            assertThat(up.status()).as("upload: %s", up.text()).isEqualTo(201);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        send(a, "POST", "/v1/soralets/" + trap + "/test", "{\"version\":\"1\",\"direction\":\"uplink\","
                + "\"contentType\":\"application/json\",\"payload\":\"{}\","
                + "\"source\":{\"resourceType\":\"Subscriber\",\"resourceId\":\"" + imsi + "\"}}");
        assertThat(ok(a, "GET", "/v1/logs", null).size()).as("A's error log").isPositive();

        ids.put("operator_id", a.operatorId());
        ids.put("imsi", imsi);
        ids.put("sim_id", simId);
        ids.put("iccid", subscriber.path("iccid").asString());
        ids.put("serial_number", subscriber.path("serialNumber").asString());
        ids.put("msisdn", subscriber.path("msisdn").asString());
        ids.put("group_id", group);
        ids.put("user_name", user);
        ids.put("role_id", role);
        ids.put("auth_key_id", authKey);
        ids.put("shipping_address_id", address);
        ids.put("order_id", order);
        ids.put("coupon_code", coupon);
        ids.put("email", a.email());
        ids.put("soralet_id", soralet);
        ids.put("path", filePath);
        ids.put("prefix", marker);
        ids.put("exported_file_id", exportedFile);

        secrets.addAll(List.of(marker, a.email(), a.operatorId(), imsi, group, authKey, userKey, address, order, coupon,
                exportedFile));
        for (String field : List.of("serialNumber", "msisdn", "iccid")) {
            String v = subscriber.path(field).asString();
            if (v.length() > 6) {
                secrets.add(v);
            }
        }
    }

    /** What A reads of its own resources. */
    private List<String> views(Operator a) {
        String op = "/v1/operators/" + a.operatorId();
        return List.of(op, "/v1/subscribers/" + ids.get("imsi"), "/v1/groups/" + ids.get("group_id"),
                op + "/users/" + ids.get("user_name"), op + "/roles/" + ids.get("role_id"), op + "/auth_keys",
                op + "/users/" + ids.get("user_name") + "/auth_keys", op + "/shipping_addresses", "/v1/orders",
                "/v1/coupons", "/v1/subscribers/" + ids.get("imsi") + "/events/sessions", "/v1/credentials",
                "/v1/data/Subscriber/" + ids.get("imsi"), "/v1/sims/" + ids.get("sim_id") + "/data",
                "/esim-commerce/v1/esims/" + esimIds.get("iccid"), "/esim-commerce/v1/transactions/" + esimIds.get("transactionId"),
                "/v1/soralets/" + ids.get("soralet_id"), "/v1/soralets/" + ids.get("soralet_id") + "/versions",
                "/v1/soralets/" + ids.get("soralet_id") + "/logs",
                "/v1/files/private/" + ids.get("path").substring(0, ids.get("path").indexOf('/') + 1),
                "/v1/files/exported/" + ids.get("exported_file_id"),
                "/v1/sims/" + ids.get("sim_id") + "/packet_capture_sessions", op + "/system_notifications",
                "/v1/port_mappings", "/v1/port_mappings/sims/" + ids.get("sim_id"),
                "/v1/port_mappings/subscribers/" + ids.get("imsi"), "/v1/audit_logs/napter", "/v1/logs",
                "/v1/event_handlers/" + ids.get("handler_id"), "/v1/event_handlers",
                "/v1/event_handlers/subscribers/" + ids.get("imsi"));
    }

    private Map<String, String> read(Operator a, List<String> views) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : views) {
            RawHttp.Answer r = send(a, "GET", v, null, esimKey);
            out.put(v, r.status() + " " + r.text());
        }
        return out;
    }

    /** Every row of every table that has an operator_id column, of this operator, as text. */
    private String rowsOf(String operatorId) {
        pendingWrites.forEach(PendingWrites::flush);
        List<String> tables = jdbc.queryForList("select table_name from information_schema.columns"
                + " where lower(table_schema) = lower(current_schema()) and lower(column_name) = 'operator_id'"
                + " order by table_name", String.class);
        // H2 names tables in upper case, PostgreSQL in lower case
        assertThat(tables).map(String::toUpperCase)
                .contains("SIM", "SIM_GROUP", "SAM_USER", "SAM_ROLE", "AUTH_KEY", "SHIPPING_ADDRESS");
        StringBuilder b = new StringBuilder();
        for (String t : tables) {
            b.append(t).append(": ");
            // bytes (BYTEA / VARBINARY columns) as their content, not as the array's identity
            jdbc.queryForList("select * from \"" + t + "\" where operator_id = ?", operatorId).stream()
                    .map(IsolationSweepTest::text).sorted().forEach(row -> b.append(row).append('\n'));
        }
        return b.toString();
    }

    /** A row as text, bytes (a Harvest file's content) as base64 rather than an array's identity. */
    private static String text(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof byte[] bytes ? java.util.Base64.getEncoder().encodeToString(bytes) : v));
        return out.toString();
    }

    // --- B's calls ---

    /**
     * B's call: B's credentials and own eSIM Commerce key, A's identifiers by name in the path, the query (optional
     * parameters too) and the body's fields (B's own operator ID in {@code {operator_id}}, the body's operator ID left
     * as the contract's); the rest as the contract's.
     */
    private ContractRequest callAs(Operator b, OperationRequests requests, Operations.Entry entry, String marker) {
        Map<String, String> idsOfA = entry.contract() == Contract.ESIM ? esimIds : ids;
        Map<String, String> fields = new LinkedHashMap<>(idsOfA);
        fields.remove("operator_id");
        return requests.of(entry).parameters(idsOfA).as(b).header("X-API-Key", "isolation-b-" + marker)
                .bodyFields(fields).build();
    }

    // --- small things ---

    private JsonNode ok(Operator op, String method, String path, String body) {
        RawHttp.Answer r = send(op, method, path, body);
        assertThat(r.status()).as("%s %s: %s", method, path, r.text()).isBetween(200, 204);
        return r.body().length == 0 ? json.createObjectNode() : r.json(json);
    }

    private RawHttp.Answer send(Operator op, String method, String path, String body) {
        return send(op, method, path, body, "isolation-a-unused");
    }

    private RawHttp.Answer send(Operator op, String method, String path, String body, String esimApiKey) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("X-Soracom-API-Key", op.apiKey(), "X-Soracom-Token", op.token(),
                "X-API-Key", esimApiKey));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return http.send(new RawHttp.Call(method, path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    }
}
