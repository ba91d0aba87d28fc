package dev.soracommock.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /_mock/state} as a user sees it, document by document: what is refused, with which code and which
 * words (malformed JSON, the envelope, tables, rows, columns, value types), that a refused document changes nothing,
 * and that what is accepted (rows of any key order, repeated keys, tables before the envelope, many rows) comes back
 * the same from the export.
 */
class StateImportDocumentTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REFUSED = "The state document cannot be imported, nothing was changed: ";
    private static final String MALFORMED = "The request body is not valid JSON: ";
    private static final String CONTRACT = "Constraint vaiolation of input value. message:";

    private int version;

    @BeforeEach
    void schemaVersion() {
        version = api().get("/_mock/state").path("version");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private Response post(String body) {
        return api().contentType(ContentType.JSON).body(body).post("/_mock/state");
    }

    private Response post(Map<String, Object> document) {
        return post(JSON.writeValueAsString(document));
    }

    private static void assertError(Response r, String code, String message) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.<String>path("code")).as(r.asString()).isEqualTo(code);
        assertThat(r.<String>path("message")).isEqualTo(message);
    }

    private String export() {
        Response r = api().get("/_mock/state");
        r.then().statusCode(200);
        return r.asString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tables(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("tables");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> doc, String table) {
        return (List<Map<String, Object>>) tables(doc).get(table);
    }

    /** A document of this version with the given tables. */
    private Map<String, Object> document(Map<String, Object> tables) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "soracom-mock-state");
        doc.put("version", version);
        doc.put("tables", tables);
        return doc;
    }

    private Map<String, Object> simTable(Object rows) {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("sim", rows);
        return document(tables);
    }

    /** A row of the sim table with every column that has no default. */
    private static Map<String, Object> sim(Object... changes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sim_id", "440000000000001");
        row.put("operator_id", "OP0000000000");
        row.put("status", "ready");
        row.put("speed_class", "s1.standard");
        row.put("sim_type", "uicc");
        row.put("module_type", "nano");
        row.put("serial_number", "S1");
        row.put("termination_enabled", false);
        row.put("imei_lock_set", false);
        row.put("online", false);
        row.put("created_at", 1);
        row.put("modified_at", 2);
        row.put("version", 1);
        for (int i = 0; i < changes.length; i += 2) {
            row.put((String) changes[i], changes[i + 1]);
        }
        return row;
    }

    private String raw(String tables) {
        return "{\"format\":\"soracom-mock-state\",\"version\":" + version + ",\"tables\":" + tables + "}";
    }

    // ---- refused ------------------------------------------------------------------------------------------------------

    @Test
    void malformedJsonIsRefusedAsSuchAndChangesNothing() {
        Object before = StateJson.parse(export()).get("tables");
        assertError(post(raw("{\"sim\":[{\"sim_id\":}]}")), "COM0001", MALFORMED + "Unexpected character ('}' (code 125)): expected a value");
        assertError(post(raw("{\"sim\":[{\"sim_id\":\"44").substring(0, raw("{\"sim\":[{\"sim_id\":\"44").length() - 3)),
                "COM0001", MALFORMED + "Unexpected end-of-input in VALUE_STRING");
        String text = export();
        assertError(post(text + " x"), "COM0001", MALFORMED + "Unrecognized token 'x': was expecting (JSON String, Number, "
                + "Array, Object or token 'null', 'true' or 'false')");
        assertThat(post(text + " {}").<String>path("message")).startsWith(MALFORMED + "Trailing token (`JsonToken.START_OBJECT`)");
        assertError(post(raw("{\"sim\":[{\"sim_id\":\"a\\qb\"}]}")), "COM0001", MALFORMED + "Unrecognized character escape 'q' (code 113)");
        assertError(post(raw("{\"sim\":[{\"sim_id\":\"a\tb\"}]}")), "COM0001", MALFORMED
                + "Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value");
        assertError(post(raw("{\"sim\":[{\"created_at\":NaN}]}")), "COM0001", MALFORMED
                + "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
        assertError(post(raw("{/*c*/}")), "COM0001", MALFORMED + "Unexpected character ('/' (code 47)): maybe a (non-standard) "
                + "comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
        assertError(post(raw("{\"sim\":[{a:1}]}")), "COM0001", MALFORMED
                + "Unexpected character ('a' (code 97)): was expecting double-quote to start property name");
        assertError(post(raw("{\"sim\":[{\"a\":1]}}")), "COM0001", MALFORMED + "Unexpected close marker ']': expected '}' (for "
                + "Object starting at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN])");
        byte[] invalidUtf8 = (raw("{\"sim\":[{\"status\":\"\u0001\"}]}")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        invalidUtf8[new String(invalidUtf8, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u0001')] = (byte) 0xff;
        Response utf8 = api().contentType(ContentType.JSON).body(invalidUtf8).post("/_mock/state");
        assertError(utf8, "COM0001", MALFORMED + "Invalid UTF-8 start byte 0xff");
        assertThat(StateJson.parse(export()).get("tables")).isEqualTo(before);
    }

    @Test
    void theEnvelopeIsCheckedByTheContractAndTheSchemaVersion() {
        Map<String, Object> doc = document(new LinkedHashMap<>());
        doc.remove("tables");
        assertError(post(doc), "COM0008", CONTRACT + "Object has missing required properties ([\"tables\"])");
        doc.put("tables", null);
        assertError(post(doc), "COM0008", CONTRACT
                + "[Path '/tables'] Instance type (null) does not match any allowed primitive type (allowed: [\"object\"])");
        doc.put("tables", List.of());
        assertError(post(doc), "COM0008", CONTRACT
                + "[Path '/tables'] Instance type (array) does not match any allowed primitive type (allowed: [\"object\"])");
        Map<String, Object> wrongVersion = document(Map.of());
        wrongVersion.put("version", version + 1);
        assertError(post(wrongVersion), "MCK0102", REFUSED + "version " + (version + 1) + " is not this emulator's schema version "
                + version + " (export the state again from a server of this version)");
        wrongVersion.remove("version");
        assertError(post(wrongVersion), "COM0008", CONTRACT + "Object has missing required properties ([\"version\"])");
        Map<String, Object> wrongFormat = document(Map.of());
        wrongFormat.put("format", "x");
        assertError(post(wrongFormat), "COM0008", CONTRACT
                + "[Path '/format'] Instance value (\"x\") not found in enum (possible values: [\"soracom-mock-state\"])");
        Map<String, Object> clock = document(Map.of());
        clock.put("clock", Map.of("now", "yesterday", "epochMillis", 1, "frozen", false));
        assertError(post(clock), "COM0008", CONTRACT + "[Path '/clock/now'] String \"yesterday\" is invalid against requested "
                + "date format(s) [yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,12}Z]");
        // the tables before the envelope: the envelope is still checked
        assertError(post("{\"tables\":{\"sim\":[" + JSON.writeValueAsString(sim()) + "]},\"format\":\"soracom-mock-state\","
                        + "\"version\":" + (version + 1) + "}"), "MCK0102",
                REFUSED + "version " + (version + 1) + " is not this emulator's schema version " + version
                        + " (export the state again from a server of this version)");
        assertError(post("{\"tables\":{},\"format\":\"x\",\"version\":" + version + "}"), "COM0008", CONTRACT
                + "[Path '/format'] Instance value (\"x\") not found in enum (possible values: [\"soracom-mock-state\"])");
        assertError(post("[1,2]"), "COM0008", CONTRACT
                + "Instance type (array) does not match any allowed primitive type (allowed: [\"object\"])");
    }

    @Test
    void rowsAreCheckedAgainstTheSchemaWithAtMostFiveProblems() {
        Object before = StateJson.parse(export()).get("tables");
        Map<String, Object> unknownTable = document(new LinkedHashMap<>(Map.of("nope", List.of(Map.of("a", 1)))));
        assertError(post(unknownTable), "MCK0102", REFUSED + "tables.nope: no such table");
        assertError(post(simTable(List.of(sim("nope", 1, "other", "x")))), "MCK0102",
                REFUSED + "tables.sim[0].nope: no such column; tables.sim[0].other: no such column");
        // a row with an unknown column is not checked further
        assertError(post(simTable(List.of(sim("created_at", "x", "zzz", 1)))), "MCK0102", REFUSED + "tables.sim[0].zzz: no such column");
        assertError(post(simTable(List.of(sim("created_at", "yesterday")))), "MCK0102",
                REFUSED + "tables.sim[0].created_at: expected an integer, got \"yesterday\"");
        assertError(post(simTable(List.of(sim("created_at", 1.5)))), "MCK0102",
                REFUSED + "tables.sim[0].created_at: expected an integer, got 1.5");
        assertError(post(simTable(List.of(sim("created_at", new java.math.BigInteger("123456789012345678901234567890"))))),
                "MCK0102", REFUSED + "tables.sim[0].created_at: out of range: 123456789012345678901234567890");
        assertError(post(simTable(List.of(sim("online", "yes")))), "MCK0102", REFUSED + "tables.sim[0].online: expected true or false");
        assertError(post(simTable(List.of(sim("status", 5)))), "MCK0102", REFUSED + "tables.sim[0].status: expected a string, got 5");
        assertError(post(simTable(List.of(sim("status", Map.of("a", 1))))), "MCK0102",
                REFUSED + "tables.sim[0].status: expected a string, got {a=1}");
        assertError(post(simTable(List.of(sim("status", java.util.Arrays.asList(1, "x", null))))), "MCK0102",
                REFUSED + "tables.sim[0].status: expected a string, got [1, x, null]");
        assertError(post(simTable(List.of(sim("created_at", "x".repeat(100))))), "MCK0102",
                REFUSED + "tables.sim[0].created_at: expected an integer, got \"" + "x".repeat(56) + "…");
        // the column's type as the database names it (H2: decimal, PostgreSQL: numeric)
        Response decimal = post(document(new LinkedHashMap<>(Map.of("coupon", List.of(Map.of("amount", "abc"))))));
        assertThat(decimal.statusCode()).as(decimal.asString()).isEqualTo(400);
        assertThat(decimal.<String>path("code")).isEqualTo("MCK0102");
        assertThat(decimal.<String>path("message"))
                .matches(java.util.regex.Pattern.quote(REFUSED + "tables.coupon[0].amount: not a valid ") + "(decimal|numeric)"
                        + java.util.regex.Pattern.quote(": \"abc\""));
        // problems in the order of the table's columns, row by row, five at most
        assertError(post(simTable(List.of(sim("created_at", "a", "modified_at", "b", "online", "c"), sim("nope", 1),
                        sim("version", "v"), sim("version", true)))), "MCK0102",
                REFUSED + "tables.sim[0].online: expected true or false; tables.sim[0].created_at: expected an integer, got \"a\"; "
                        + "tables.sim[0].modified_at: expected an integer, got \"b\"; tables.sim[1].nope: no such column; "
                        + "tables.sim[2].version: expected an integer, got \"v\"");
        assertError(post(simTable(Collections.singletonList(null))), "MCK0102", REFUSED + "tables.sim[0]: not an object");
        // a key given twice: the last value counts, an unknown one is named once
        assertError(post(raw("{\"sim\":[{\"sim_id\":\"x\",\"created_at\":\"bad\",\"created_at\":\"bad2\",\"nope\":1,\"nope\":2}]}")),
                "MCK0102", REFUSED + "tables.sim[0].nope: no such column");
        assertError(post(raw("{\"sim\":[{\"created_at\":\"bad\",\"created_at\":\"bad2\"}]}")),
                "MCK0102", REFUSED + "tables.sim[0].created_at: expected an integer, got \"bad2\"");
        // what is not a list of rows
        assertError(post(simTable(List.of(5))), "COM0001", MALFORMED + "Cannot deserialize value of type "
                + "`java.util.LinkedHashMap<java.lang.String,java.lang.Object>` from Integer value (token `JsonToken.VALUE_NUMBER_INT`)");
        assertError(post(simTable(List.of(List.of(1)))), "COM0001", MALFORMED + "Cannot deserialize value of type "
                + "`java.util.LinkedHashMap<java.lang.String,java.lang.Object>` from Array value (token `JsonToken.START_ARRAY`)");
        assertError(post(simTable(Map.of("a", 1))), "COM0001", MALFORMED + "Cannot deserialize value of type "
                + "`java.util.ArrayList<java.util.Map<java.lang.String,java.lang.Object>>` from Object value (token `JsonToken.START_OBJECT`)");
        assertError(post(simTable(5)), "COM0001", MALFORMED + "Cannot deserialize value of type "
                + "`java.util.ArrayList<java.util.Map<java.lang.String,java.lang.Object>>` from Integer value (token `JsonToken.VALUE_NUMBER_INT`)");
        // the NUL character, anywhere
        assertError(post(simTable(List.of(sim("status", "a\u0000b")))), "COM0008",
                CONTRACT + "/tables/sim/0/status: the NUL character (U+0000) is not accepted");
        assertError(post(simTable(List.of(Map.of("a\u0000b", 1)))), "COM0008",
                CONTRACT + "/tables/sim/0/ab: the NUL character (U+0000) is not accepted");
        for (String text : List.of("", "a", "ab", "abc", "abcd", "abcde", "abcdef")) {
            assertError(post(simTable(List.of(sim("status", text + "\u0000")))), "COM0008",
                    CONTRACT + "/tables/sim/0/status: the NUL character (U+0000) is not accepted");
        }
        assertThat(StateJson.parse(export()).get("tables")).isEqualTo(before);
    }

    // ---- accepted -----------------------------------------------------------------------------------------------------

    @Test
    void rowsOfAnyKeyOrderWithRepeatedKeysAndTablesBeforeTheEnvelopeAreImported() {
        Map<String, Object> doc = StateJson.parse(export());
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(sim().keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, sim("sim_id", "440000000000002", "serial_number", "S2").get(k)));
        rows(doc, "sim").add(sim());
        rows(doc, "sim").add(reversed);
        rows(doc, "sim").add(sim("sim_id", "440000000000003", "serial_number", "S3", "group_id", null));
        tables(doc).put("sim_tag", null);
        doc.put("extra", Map.of("ignored", List.of(1, 2)));
        String text = JSON.writeValueAsString(doc);
        // the last of a repeated key counts
        text = text.replace("\"serial_number\":\"S3\"", "\"serial_number\":\"S9\",\"serial_number\":\"S3\"");
        Response r = post(text);
        r.then().statusCode(200);
        Map<String, Object> exported = StateJson.parse(export());
        assertThat(rows(exported, "sim")).extracting(row -> row.get("serial_number")).containsExactly("S1", "S2", "S3");
        assertThat(rows(exported, "sim")).allSatisfy(row -> assertThat(row.keySet()).containsExactlyElementsOf(
                rows(exported, "sim").get(0).keySet()));

        api().post("/_mock/reset").then().statusCode(200);
        String onlyTables = JSON.writeValueAsString(Map.of("tables", tables(exported)));
        // the tables before the rest of the envelope
        String swapped = onlyTables.substring(0, onlyTables.length() - 1) + ",\"format\":\"soracom-mock-state\",\"version\":"
                + version + "}";
        post(swapped).then().statusCode(200);
        assertThat(StateJson.parse(export()).get("tables")).isEqualTo(exported.get("tables"));
    }

    @Test
    void manyRowsComeBackTheSameFromTheExport() {
        api().post("/_mock/reset").then().statusCode(200);
        Operator op = newOperator();
        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        String imsi = created.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", created.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        Map<String, Object> doc = StateJson.parse(export());
        Map<String, Object> sim = rows(doc, "sim").get(0);
        Map<String, Object> subscription = rows(doc, "sim_subscription").get(0);
        List<Map<String, Object>> history = rows(doc, "sim_status_history");
        long lastHistory = ((Number) history.get(history.size() - 1).get("id")).longValue();
        for (int i = 1; i <= 1200; i++) {
            String id = "44099" + String.format("%010d", i);
            Map<String, Object> s = new LinkedHashMap<>(sim);
            s.put("sim_id", id);
            s.put("serial_number", "TS" + id);
            rows(doc, "sim").add(s);
            Map<String, Object> sub = new LinkedHashMap<>(subscription);
            sub.put("imsi", id);
            sub.put("sim_id", id);
            sub.put("iccid", "89" + id);
            sub.put("msisdn", "81" + id.substring(5));
            sub.put("ip_address", "10.99." + (i / 250) + "." + (i % 250));
            rows(doc, "sim_subscription").add(sub);
            Map<String, Object> h = new LinkedHashMap<>(history.get(0));
            h.put("id", (int) (lastHistory + i));
            h.put("sim_id", id);
            h.put("imsi", id);
            history.add(h);
        }
        String text = JSON.writeValueAsString(doc);
        api().post("/_mock/reset").then().statusCode(200);
        Response r = post(text);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Map<String, Object> exported = StateJson.parse(export());
        assertThat(rows(exported, "sim")).hasSize(1201);
        // table by table (a failure's message would otherwise print the whole document)
        assertThat(tables(exported).keySet()).isEqualTo(tables(doc).keySet());
        for (String table : tables(doc).keySet()) {
            List<Map<String, Object>> expected = rows(doc, table);
            List<Map<String, Object>> actual = rows(exported, table);
            assertThat(actual.size()).as(table).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as(table + "[" + i + "]").isEqualTo(expected.get(i));
            }
        }
        assertThat(as(op).get("/v1/subscribers/" + "44099" + String.format("%010d", 1200)).<String>path("serialNumber"))
                .isEqualTo("TS440990000001200");
    }
}
