package dev.soracommock.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client-request corpus: every request shape that real clients send, as listed in soracom-facts §1 and §6,
 * soracom-dataplane-facts §1.4, §2.3, §4 and issue 19, written here from those facts (method, path as sent,
 * headers, body) and replayed against the emulator byte for byte over HTTP (java.net.http: no client library adds
 * or normalises anything — RestAssured would add a form Content-Type to a body-less POST and collapse {@code //}).
 * Each row names its source and asserts the status the real API gives (and a key field where it matters); where
 * the real answer is not known, or where the emulator deliberately answers otherwise (a 400 where the real API fails
 * with a 500), the row says so. Rows run in order and may use what earlier rows captured ({@code ${name}}). A new
 * finding about a real client becomes a new row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRequestCorpusTest extends ApiTest {

    /** A soralet module (echoes its input: src/test/resources/soralet/echo.wat), as bytes in ISO-8859-1 text. */
    private static final String WASM = wasm();
    private static final String GO_TAG = "soracom-sdk-go-test-tag-name-日本語\\$%25&&?*-_.";
    /** GO_TAG as the Go SDK puts it in a path: url.QueryEscape (sdk.go percentEncoding). */
    private static final String GO_TAG_ESCAPED =
            "soracom-sdk-go-test-tag-name-%E6%97%A5%E6%9C%AC%E8%AA%9E%5C%24%2525%26%26%3F%2A-_.";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> values = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyRequestShapeOfARealClientIsAnsweredAsTheRealApiAnswersIt() {
        fixture();
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.title(), () -> replay(row)));
    }

    // --- the corpus ---

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String emailSuffix = System.nanoTime() + "@example.com";

        // soracom-cli: sandbox sign-up, log-in and the headers of every call (facts §1.4–§1.6)
        rows.add(row("CLI configure_sandbox.go: POST /sandbox/init, alphabetical keys, coverageTypes [\"\"] without"
                + " --coverage-type (facts §1.5)", "POST", "/v1/sandbox/init")
                .header("User-Agent", "soracom-cli/0.0.0").header("X-Soracom-Lang", "en")
                .json("{\"authKey\":\"secret-prod\",\"authKeyId\":\"keyId-prod\",\"coverageTypes\":[\"\"],\"email\":\"cli-"
                        + emailSuffix + "\",\"password\":\"p@ssw0rd\",\"registerPaymentMethod\":true}")
                .status(201).expect(jsonHas("apiKey", "token", "operatorId")));
        rows.add(row("CLI profile log-in: POST /auth {email, password} (facts §1.5, §1.6)", "POST", "/v1/auth")
                .header("User-Agent", "soracom-cli/0.0.0").header("X-Soracom-Lang", "en")
                .json("{\"email\":\"${email}\",\"password\":\"${password}\"}")
                .status(200).expect(jsonHas("apiKey", "token", "operatorId")));
        rows.add(row("CLI `soracom auth`: POST /auth {authKey, authKeyId}, map keys in order (facts §1.6)", "POST", "/v1/auth")
                .json("{\"authKey\":\"${authKey}\",\"authKeyId\":\"${authKeyId}\"}")
                .status(200).expect(jsonField("operatorId", "${operatorId}")));
        rows.add(row("CLI auth-keys generate: body-less POST, no Content-Type (facts §1.4)", "POST",
                "/v1/operators/${operatorId}/auth_keys").auth().header("X-Soracom-Lang", "en")
                .status(201).expect(jsonHas("authKeyId", "authKey")));
        rows.add(row("CLI subscribers activate: body-less POST, no Content-Type (facts §1.4)", "POST",
                "/v1/subscribers/${imsi}/activate").auth()
                .status(200).expect(jsonField("status", "active")));
        rows.add(row("CLI X-Soracom-Lang: ja on a call that succeeds (facts §1.4)", "GET", "/v1/operators/${operatorId}")
                .auth().header("X-Soracom-Lang", "ja").header("User-Agent", "soracom-cli/0.0.0")
                .status(200).expect(jsonField("operatorId", "${operatorId}")));
        rows.add(row("CLI X-Soracom-Lang: ja on an error: the message in Japanese, Content-Language ja (facts §1.4, §4.9)",
                "GET", "/v1/subscribers/001019999999999").auth().header("X-Soracom-Lang", "ja")
                .status(404).expect(a -> {
                    assertThat(a.header("Content-Language")).isEqualTo("ja");
                    assertThat(a.json().path("message").asString()).matches(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*");
                }));
        rows.add(row("X-Soracom-Lang of a language the API does not have: English (facts §4.9)", "GET",
                "/v1/subscribers/001019999999999").auth().header("X-Soracom-Lang", "fr")
                .status(404).expect(a -> assertThat(a.header("Content-Language")).isEqualTo("en")));
        rows.add(row("CLI --fetch-all: limit, then x-soracom-next-key (facts §1.8)", "GET", "/v1/subscribers?limit=1")
                .auth().status(200).expect(a -> {
                    assertThat(a.json().size()).isEqualTo(1);
                    assertThat(a.header("x-soracom-next-key")).isNotBlank();
                }));

        rows.add(row("CLI with SORACOM_ENDPOINT ending in '/' sends //v1/… (facts §1.1) [real answer UNKNOWN]: the emulator"
                + " does not guess, it answers 404 in the API's form naming the path, so the setting is found and fixed",
                "GET", "//v1/subscribers").auth()
                .status(404).expect(error("COM0002", "No such resource: GET //v1/subscribers")));

        // JSON answers say their charset (facts §6)
        rows.add(row("successful JSON answer: Content-Type application/json;charset=UTF-8, as the real API's (facts §6,"
                + " SWIFT 2016/2017 logs)", "GET", "/v1/subscribers").auth()
                .status(200).expect(a -> assertThat(a.header("Content-Type")).isEqualTo("application/json;charset=UTF-8")));

        // other clients' headers (facts §1.4)
        rows.add(row("GOSDK: both auth headers always sent, empty on /auth, tokenTimeoutSeconds 86400 (facts §1.4,"
                + " §1.10; api_client.go callAPI, sdk.go AuthRequest)", "POST", "/v1/auth")
                .header("X-Soracom-API-Key", "").header("X-Soracom-Token", "")
                .json("{\"email\":\"${email}\",\"password\":\"${password}\",\"tokenTimeoutSeconds\":86400}")
                .status(200).expect(jsonHas("apiKey", "token")));
        rows.add(row("MCPL: User-Agent soracom-mcp-server, Accept and Content-Type application/json on a GET (facts §1.4)",
                "GET", "/v1/sims").auth().header("User-Agent", "soracom-mcp-server/1.0.0")
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .status(200));
        rows.add(row("RUBY: Accept application/json, operatorId (the caller's) and limit=1024 on GET /subscribers/{imsi}"
                + " (client.rb list_subscribers; facts §6)", "GET", "/v1/subscribers/${imsi}?operatorId=${operatorId}&limit=1024")
                .auth().header("Accept", "application/json")
                .status(200).expect(jsonField("imsi", "${imsi}")));

        // paging, filters, search (facts §1.8, §4.2, §4.6; issue 19)
        rows.add(row("RUBY list_subscribers: operatorId (the caller's) + limit=1024, over the maximum 100 (facts §1.8, §6)",
                "GET", "/v1/subscribers?operatorId=${operatorId}&limit=1024").auth().header("Accept", "application/json")
                .status(200).expect(jsonArrayHas("imsi", "${imsi}")));
        rows.add(row("RUBY list_subscribers with another operator's operatorId: 400 AUM0016 \"Invalid Operator Id.\""
                + " [real answer UNKNOWN, the emulator's choice, as getOperator refuses it]", "GET",
                "/v1/subscribers?operatorId=${otherOperatorId}&limit=1024").auth()
                .status(400).expect(error("AUM0016", "Invalid Operator Id.")));
        rows.add(row("SWIFT: limit=999 (facts §1.8)", "GET", "/v1/subscribers?limit=999").auth()
                .status(200).expect(jsonArrayHas("imsi", "${imsi}")));
        rows.add(row("limit=0 stays refused (contract minimum 1)", "GET", "/v1/subscribers?limit=0").auth()
                .status(400).expect(error("COM0008", null)));
        rows.add(row("KSSDK sims_test.go: GET /sims?limit=-1 — the real API fails with 500 (facts §1.8, §5); the emulator"
                + " answers 400 COM0008, which soracom-cli does not retry", "GET", "/v1/sims?limit=-1").auth()
                .status(400).expect(error("COM0008", null)));
        rows.add(row("GOSDK ListSubscribers type_filter (sdk.go ListSubscribersOptions; facts §1.8): the speed-class filter",
                "GET", "/v1/subscribers?type_filter=s1.fast").auth()
                .status(200).expect(a -> assertThat(imsis(a)).containsExactly(values.get("imsi2"))));
        rows.add(row("GOSDK type_filter with limit, as TestListSubscribersWithTypeFilter pages (facts §1.8)", "GET",
                "/v1/subscribers?type_filter=s1.standard&limit=10").auth()
                .status(200).expect(a -> assertThat(imsis(a)).contains(values.get("imsi")).doesNotContain(values.get("imsi2"))));
        rows.add(row("soracom-cli `query sims --search-type OR` (the contract's own text says OR; facts §4.6)", "GET",
                "/v1/query/sims?name=corpus-alpha&imsi=99999999&search_type=OR").auth()
                .status(200).expect(jsonArrayHas("simId", "${simId}")));
        rows.add(row("the same search with AND finds nothing: OR is honoured, not only tolerated", "GET",
                "/v1/query/sims?name=corpus-alpha&imsi=99999999&search_type=AND").auth()
                .status(200).expect(a -> assertThat(a.json().size()).isZero()));
        rows.add(row("searchSubscribers search_type=OR (deprecated operation, same style; facts §4.6)", "GET",
                "/v1/query/subscribers?name=corpus-alpha&imsi=99999999&search_type=OR").auth()
                .status(200).expect(jsonArrayHas("imsi", "${imsi}")));

        // Go SDK bodies (facts §1.10)
        rows.add(row("GOSDK GenerateAPIToken: {\"timeout_seconds\": 0}, an unknown field (facts §1.10)", "POST",
                "/v1/operators/${operatorId}/token").auth().json("{\"timeout_seconds\":0}")
                .status(200).expect(jsonHas("token")));
        rows.add(row("GOSDK CreateSubscriber: empty body with Content-Type application/json (facts §1.10)", "POST",
                "/v1/sandbox/subscribers/create").auth().header("Content-Type", "application/json")
                .status(200).expect(jsonHas("imsi", "registrationSecret")));
        rows.add(row("RBSBX/RS: sandbox subscriber create without credentials (facts §3.1)", "POST",
                "/v1/sandbox/subscribers/create").header("Content-Type", "application/json").json("{}")
                .status(200).expect(jsonHas("imsi")));
        rows.add(row("GOSDK RegisterSubscriber: groupId \"\" = no group, tags (sdk.go RegisterSubscriberOptions; facts §1.10)",
                "POST", "/v1/subscribers/${newImsi}/register").auth()
                .json("{\"registrationSecret\":\"${newSecret}\",\"groupId\":\"\",\"tags\":{\"soracom-sdk-go-test\":\"foo\"}}")
                .status(200).expect(a -> {
                    assertThat(a.json().path("imsi").asString()).isEqualTo(values.get("newImsi"));
                    assertThat(a.json().path("groupId").isMissingNode() || a.json().path("groupId").isNull()).isTrue();
                }));
        rows.add(row("GOSDK SetSubscriberExpiredAt: expiryTime as a numeric string (sdk.go setExpiredAtRequest; facts §1.10)",
                "POST", "/v1/subscribers/${newImsi}/set_expiry_time").auth().json("{\"expiryTime\":\"${future}\"}")
                .status(200).expect(a -> assertThat(a.json().path("expiredAt").asLong()).isEqualTo(Long.parseLong(values.get("future")))));
        rows.add(row("unset_expiry_time with the body {} (facts §4.5)", "POST", "/v1/subscribers/${newImsi}/unset_expiry_time")
                .auth().json("{}").status(200));
        rows.add(row("GOSDK InsertAirStats: \"date\": \"\", an unknown field (sdk.go AirStats; facts §1.10)", "POST",
                "/v1/sandbox/stats/air/subscribers/${imsi}").auth()
                .json("{\"date\":\"\",\"unixtime\":${nowSeconds},\"dataTrafficStatsMap\":{\"s1.standard\":{\"uploadByteSizeTotal\":1000,"
                        + "\"uploadPacketSizeTotal\":10,\"downloadByteSizeTotal\":2000,\"downloadPacketSizeTotal\":20}}}")
                .status(200));
        rows.add(row("GOSDK PutSubscriberTags with a tag name in UTF-8 holding \\ $ % & ? * (facts §4.3)", "PUT",
                "/v1/subscribers/${imsi}/tags").auth()
                .json("[{\"tagName\":\"" + GO_TAG.replace("\\", "\\\\") + "\",\"tagValue\":\"v\"}]")
                .status(200).expect(a -> assertThat(a.json().path("tags").path(GO_TAG).asString()).isEqualTo("v")));
        rows.add(row("GOSDK DeleteSubscriberTag: the name url.QueryEscape'd into the path, %E6… %5C %24 %2525 %26 %3F %2A"
                + " (sdk.go percentEncoding; facts §4.3, §6)", "DELETE", "/v1/subscribers/${imsi}/tags/" + GO_TAG_ESCAPED)
                .auth().status(204));
        rows.add(row("the same DELETE again: 404, the escaped name named the tag", "DELETE",
                "/v1/subscribers/${imsi}/tags/" + GO_TAG_ESCAPED).auth().status(404));
        rows.add(row("CLI enable-termination, body-less POST (facts §1.4)", "POST", "/v1/subscribers/${newImsi}/enable_termination")
                .auth().status(200).expect(jsonField("terminationEnabled", "true")));
        rows.add(row("CLI terminate, body-less POST (facts §1.4)", "POST", "/v1/subscribers/${newImsi}/terminate")
                .auth().status(200).expect(jsonField("status", "terminated")));

        // event handlers (dataplane facts §4), stored: the request is accepted
        String actions = "[{\"type\":\"ChangeSpeedClassAction\",\"properties\":{\"executionDateTimeConst\":\"IMMEDIATELY\","
                + "\"speedClass\":\"s1.minimum\"}},{\"type\":\"ExecuteWebRequestAction\",\"properties\":{\"body\":"
                + "\"{\\\"message\\\":\\\"Hello world\\\"}\",\"contentType\":\"application/json\",\"executionDateTimeConst\":"
                + "\"IMMEDIATELY\",\"httpMethod\":\"POST\",\"url\":\"https://example.com/my/api\"}},{\"type\":"
                + "\"ExecuteWebRequestAction\",\"properties\":{\"contentType\":\"application/json\",\"executionDateTimeConst\":"
                + "\"IMMEDIATELY\",\"httpMethod\":\"GET\",\"url\":\"https://example.com/my/api\"}},{\"type\":"
                + "\"DeactivationAction\",\"properties\":{\"executionDateTimeConst\":\"IMMEDIATELY\"}},{\"type\":"
                + "\"ActivationAction\",\"properties\":{\"executionDateTimeConst\":\"BEGINNING_OF_NEXT_MONTH\"}}]";
        rows.add(row("GOSDK TestCreateEventHandler: legacy rule DailyTrafficRule, web requests without headers, null"
                + " targets (api_client_test.go, event.go; dataplane facts §4)", "POST", "/v1/event_handlers").auth()
                .json("{\"targetImsi\":\"${imsi}\",\"targetOperatorId\":null,\"targetTag\":null,\"targetGroupId\":null,"
                        + "\"name\":\"Test Event handler Name\",\"description\":\"Test Event Handler Description\","
                        + "\"ruleConfig\":{\"type\":\"DailyTrafficRule\",\"properties\":{\"inactiveTimeoutDateConst\":"
                        + "\"BEGINNING_OF_NEXT_MONTH\",\"limitTotalTrafficMegaByte\":\"1000\"}},\"status\":\"active\","
                        + "\"actionConfigList\":" + actions + "}")
                .status(201).expect(jsonField("targetImsi", "${imsi}"))
                .capture("handlerId", a -> a.json().path("handlerId").asString()));
        rows.add(row("GOSDK TestUpdateEventHandler: PUT the handler as read, legacy MonthlyTrafficRule (dataplane facts §4)",
                "PUT", "/v1/event_handlers/${handlerId}").auth()
                .json("{\"handlerId\":\"${handlerId}\",\"targetImsi\":\"${imsi}\",\"targetOperatorId\":null,\"targetTag\":null,"
                        + "\"targetGroupId\":null,\"name\":\"Updated Name 1\",\"description\":\"d\",\"ruleConfig\":{\"type\":"
                        + "\"MonthlyTrafficRule\",\"properties\":{\"inactiveTimeoutDateConst\":\"BEGINNING_OF_NEXT_MONTH\","
                        + "\"limitTotalTrafficMegaByte\":\"1000\"}},\"status\":\"active\",\"actionConfigList\":" + actions + "}")
                .status(200));
        rows.add(row("GOSDK CumulativeTrafficRule, the third legacy name (sdk.go EventHandlerRuleTypeCumulativeTraffic)", "POST",
                "/v1/event_handlers").auth()
                .json("{\"targetImsi\":\"${imsi}\",\"name\":\"n\",\"ruleConfig\":{\"type\":\"CumulativeTrafficRule\","
                        + "\"properties\":{\"inactiveTimeoutDateConst\":\"NEVER\",\"limitTotalTrafficMegaByte\":\"1\"}},"
                        + "\"status\":\"inactive\",\"actionConfigList\":[{\"type\":\"DeactivationAction\",\"properties\":"
                        + "{\"executionDateTimeConst\":\"IMMEDIATELY\"}}]}")
                .status(201).expect(jsonField("status", "inactive")));
        rows.add(row("a rule type no client or contract has stays refused", "POST", "/v1/event_handlers").auth()
                .json("{\"targetImsi\":\"${imsi}\",\"name\":\"n\",\"ruleConfig\":{\"type\":\"NoSuchRule\",\"properties\":"
                        + "{\"inactiveTimeoutDateConst\":\"NEVER\"}},\"status\":\"active\",\"actionConfigList\":[]}")
                .status(400).expect(error("COM0008", null)));

        // Orbit (dataplane facts §1.4)
        rows.add(row("CLI soralets create (facts §7)", "POST", "/v1/soralets").auth()
                .json("{\"description\":\"corpus\",\"soraletId\":\"corpus-soralet\"}").status(201));
        rows.add(row("CLI soralets upload --content-type application/octet-stream, the module's bytes (dataplane §1.4;"
                + " facts §1.4, §6)", "POST", "/v1/soralets/corpus-soralet/versions").auth()
                .header("Content-Type", "application/octet-stream").bytes(WASM)
                .status(201).expect(jsonHas("version", "srn", "hash", "size")));
        rows.add(row("uploadSoraletCode as the contract says: Content-Type application/json, the module's bytes (SPEC)",
                "POST", "/v1/soralets/corpus-soralet/versions").auth()
                .header("Content-Type", "application/json").bytes(WASM)
                .status(201).expect(jsonHas("version", "srn", "hash", "size")));
        rows.add(row("CLI soralets exec (test.sh): a flat source {resourceType, resourceId} (dataplane §1.4)", "POST",
                "/v1/soralets/corpus-soralet/test").auth()
                .json("{\"contentType\":\"application/json\",\"direction\":\"uplink\",\"payload\":\"{}\",\"source\":"
                        + "{\"resourceId\":\"${imsi}\",\"resourceType\":\"Subscriber\"},\"version\":\"1\"}")
                .status(200).expect(jsonField("body", "{}")).expect(jsonField("encodingType", "plain")));
        rows.add(row("Orbit SDKs' test-uplink.json: encodingType plain, flat source, tags, location, timestamp"
                + " (dataplane §1.4)", "POST", "/v1/soralets/corpus-soralet/test").auth()
                .json("{\"version\":\"$LATEST\",\"direction\":\"uplink\",\"contentType\":\"application/json\",\"encodingType\":"
                        + "\"plain\",\"payload\":\"{\\\"lat\\\":35.6,\\\"lon\\\":139.7}\",\"source\":{\"resourceType\":"
                        + "\"Subscriber\",\"resourceId\":\"${imsi}\",\"imei\":\"353000000000000\"},\"tags\":{\"name\":\"x\"},"
                        + "\"location\":{\"lat\":35.6,\"lon\":139.7},\"timestamp\":1700000000000}")
                .status(200).expect(jsonField("body", "{\"lat\":35.6,\"lon\":139.7}")));
        rows.add(row("an encodingType nobody sends stays refused", "POST", "/v1/soralets/corpus-soralet/test").auth()
                .json("{\"version\":\"1\",\"direction\":\"uplink\",\"contentType\":\"application/json\",\"encodingType\":"
                        + "\"gzip\",\"payload\":\"{}\",\"source\":{\"resourceType\":\"Subscriber\",\"resourceId\":\"${imsi}\"}}")
                .status(400).expect(error("COM0008", null)));

        // Harvest Files (dataplane facts §2.3): the route reaches the right operation, which answers statefully
        rows.add(row("CLI `files list` (files_list.go): GET /files/private// = the root", "GET", "/v1/files/private//")
                .auth().status(200).expect(a -> assertThat(a.json().isArray()).as(a.text()).isTrue()));
        rows.add(row("CLI files put: multi-segment path (harvest_files_path_escape.go)", "PUT", "/v1/files/private/dir/a.txt")
                .auth().header("Content-Type", "text/plain").bytes("hello")
                .status(200, 201));
        rows.add(row("CLI files get: multi-segment path, 302 (the Go client follows it) to the download URL",
                "GET", "/v1/files/private/dir/a.txt").auth()
                .status(302).expect(a -> assertThat(a.header("Location")).contains("/_mock/file-downloads/")));
        rows.add(row("CLI files get-metadata: HEAD of a multi-segment path", "HEAD", "/v1/files/private/dir/a.txt").auth()
                .status(200).expect(a -> assertThat(a.header("ETag")).isNotBlank()));
        rows.add(row("CLI files list of a directory: GET /files/private/dir/sub/ (none: 404 naming it)", "GET",
                "/v1/files/private/dir/sub/").auth().status(404).expect(error("MCK0301",
                "File or directory /dir/sub/ does not exist.")));
        rows.add(row("CLI files delete: multi-segment path", "DELETE", "/v1/files/private/dir/a.txt").auth()
                .status(204));
        rows.add(row("CLI files delete-directory: DELETE /files/private/dir/sub/ (none: 404 naming it)", "DELETE",
                "/v1/files/private/dir/sub/").auth().status(404).expect(error("MCK0301",
                "File or directory /dir/sub/ does not exist.")));
        rows.add(row("a one-segment file path, routed as before (public: nothing there)", "GET", "/v1/files/public/a.txt")
                .auth().status(404).expect(error("MCK0301", "File or directory /a.txt does not exist.")));
        rows.add(row("a multi-segment path with a scope the contract does not have: refused, not 404", "GET",
                "/v1/files/secret/dir/a.txt").auth().status(400).expect(error("COM0008", null)));

        // the legacy sign-up (facts §3.3)
        String legacy = "legacy-" + emailSuffix;
        values.put("legacyEmail", legacy);
        rows.add(row("SWIFT Request+SandboxTests: the sign-up token before the sign-up, SBX1003 (facts §3.3, §5)", "POST",
                "/v1/sandbox/operators/token/${legacyEmail}").json("{\"authKeyId\":\"keyId-prod\",\"authKey\":\"secret-prod\"}")
                .status(400).expect(error("SBX1003", "Unable to get verified one time token. please create an user at first")));
        rows.add(row("RBSBX/SWIFT Request+Operator.swift: POST /operators, 201 without a body (facts §3.3)", "POST",
                "/v1/operators").json("{\"email\":\"${legacyEmail}\",\"password\":\"Passw0rd-legacy\",\"coverageTypes\":[\"jp\"]}")
                .status(201).expect(a -> {
                    assertThat(a.body()).isEmpty();
                    assertThat(a.header("Content-Type")).isNull();
                }));
        rows.add(row("the same sign-up again: 400 AUM0003 (SWIFT Request+Operator.swift; facts §3.3, §5)", "POST",
                "/v1/operators").json("{\"email\":\"${legacyEmail}\",\"password\":\"Passw0rd-legacy\"}")
                .status(400).expect(error("AUM0003", "This email is already registered.")));
        rows.add(row("log-in before the verification: 401 AUM0002 [real answer UNKNOWN, the emulator's choice]", "POST",
                "/v1/auth").json("{\"email\":\"${legacyEmail}\",\"password\":\"Passw0rd-legacy\"}")
                .status(401).expect(error("AUM0002", null)));
        rows.add(row("RBSBX: POST /sandbox/operators/token/{email} with the production keys (facts §3.3)", "POST",
                "/v1/sandbox/operators/token/${legacyEmail}").json("{\"authKeyId\":\"keyId-prod\",\"authKey\":\"secret-prod\"}")
                .status(200).capture("signupToken", a -> a.json().path("token").asString()));
        rows.add(row("RBSBX: POST /operators/verify with the token answer as it came (facts §3.3)", "POST",
                "/v1/operators/verify").json("{\"token\":\"${signupToken}\"}").status(200));
        rows.add(row("RBSBX: POST /auth after the verification (facts §3.3)", "POST", "/v1/auth")
                .json("{\"email\":\"${legacyEmail}\",\"password\":\"Passw0rd-legacy\"}")
                .status(200).expect(jsonHas("apiKey", "token", "operatorId")));
        rows.add(row("the one-time token used again: 400 (the 2017 document: the one-time token is incorrect)", "POST",
                "/v1/operators/verify").json("{\"token\":\"${signupToken}\"}").status(400).expect(error("AUM0037", null)));

        // /auth's own validation (facts §5)
        rows.add(row("SWIFT 11293f4/8114663: POST /auth {\"email\":\"\",\"password\":\"\"} → 400 COM0008 (facts §5)", "POST",
                "/v1/auth").json("{\"email\":\"\",\"password\":\"\"}")
                .status(400).expect(error("COM0008",
                        "Constraint vaiolation of input value. message:may not be empty:passwordmay not be empty:email")));
        rows.add(row("IOS/SWIFT APIOperationTests: POST /auth with the e-mail \"bogus\" → 400 COM0008 (facts §5)", "POST",
                "/v1/auth").json("{\"email\":\"bogus\",\"password\":\"whatever\"}")
                .status(400).expect(error("COM0008",
                        "Constraint vaiolation of input value. message:not a well-formed email address:email")));

        // sandbox init, other clients (facts §3.2)
        rows.add(row("PYNB/KSSDK/TF: sandbox init with coverageTypes [\"g\",\"jp\"], 201 (facts §1.10, §3.2)", "POST",
                "/v1/sandbox/init").json("{\"email\":\"tf-" + emailSuffix + "\",\"password\":\"p@ssw0rd\",\"authKeyId\":"
                        + "\"keyId-prod\",\"authKey\":\"secret-prod\",\"coverageTypes\":[\"g\",\"jp\"],\"registerPaymentMethod\":true}")
                .status(201));
        rows.add(row("RS: sandbox init without coverageTypes (facts §3.2)", "POST", "/v1/sandbox/init")
                .json("{\"email\":\"rs-" + emailSuffix + "\",\"password\":\"p@ssw0rd\",\"authKeyId\":\"keyId-prod\","
                        + "\"authKey\":\"secret-prod\"}")
                .status(201));
        rows.add(row("sandbox init with an e-mail already registered: 400 AUM0003 [INFER, facts §3.2]", "POST",
                "/v1/sandbox/init").json("{\"email\":\"${email}\",\"password\":\"p@ssw0rd\",\"authKeyId\":\"keyId-prod\","
                        + "\"authKey\":\"secret-prod\"}")
                .status(400).expect(error("AUM0003", null)));

        // last: logging out ends the key the row used (facts §4.8)
        rows.add(row("MCPL: POST /auth/logout on dispose, 204 (facts §4.8)", "POST", "/v1/auth/logout")
                .header("X-Soracom-API-Key", "${logoutApiKey}").header("X-Soracom-Token", "${logoutToken}")
                .header("User-Agent", "soracom-mcp-server/1.0.0").status(204));
        return rows;
    }

    // --- the fixture: what the rows address ---

    private void fixture() {
        Operator op = newOperator();
        Operator other = newOperator();
        values.put("operatorId", op.operatorId());
        values.put("apiKey", op.apiKey());
        values.put("token", op.token());
        values.put("email", op.email());
        values.put("password", op.password());
        values.put("otherOperatorId", other.operatorId());
        Response key = as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys");
        key.then().statusCode(201);
        values.put("authKeyId", key.path("authKeyId"));
        values.put("authKey", key.path("authKey"));

        String imsi = registeredSim(op);
        values.put("imsi", imsi);
        values.put("simId", as(op).get("/v1/subscribers/" + imsi).path("simId"));
        as(op).contentType(ContentType.JSON).body(List.of(Map.of("tagName", "name", "tagValue", "corpus-alpha")))
                .put("/v1/subscribers/" + imsi + "/tags").then().statusCode(200);
        String imsi2 = registeredSim(op);
        values.put("imsi2", imsi2);
        as(op).contentType(ContentType.JSON).body(Map.of("speedClass", "s1.fast"))
                .post("/v1/subscribers/" + imsi2 + "/update_speed_class").then().statusCode(200);

        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        created.then().statusCode(200);
        values.put("newImsi", created.path("imsi"));
        values.put("newSecret", created.path("registrationSecret"));

        values.put("future", String.valueOf(System.currentTimeMillis() + Duration.ofDays(1).toMillis()));
        values.put("nowSeconds", String.valueOf(System.currentTimeMillis() / 1000));

        Response logout = api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password()))
                .post("/v1/auth");
        logout.then().statusCode(200);
        values.put("logoutApiKey", logout.path("apiKey"));
        values.put("logoutToken", logout.path("token"));
    }

    // --- replaying a row ---

    private void replay(Row row) {
        String path = fill(row.path);
        HttpRequest.BodyPublisher body = row.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(row.textBody ? fill(new String(row.body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8) : row.body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(row.method, body);
        row.headers.forEach((name, value) -> b.header(name, fill(value)));
        Answer answer;
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer = new Answer(r.statusCode(), r.headers().map(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(row.statuses).as("status of %s %s: %s", row.method, path, answer.text()).contains(answer.status());
        if (answer.status() >= 400) {
            assertThat(answer.json().path("code").isString()).as("an error in the API's form: %s", answer.text()).isTrue();
        }
        for (Consumer<Answer> check : row.checks) {
            check.accept(answer);
        }
        row.captures.forEach((name, f) -> values.put(name, f.apply(answer)));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value).as("value of ${%s}", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<String> imsis(Answer a) {
        List<String> out = new ArrayList<>();
        a.json().forEach(n -> out.add(n.path("imsi").asString()));
        return out;
    }

    // --- checks ---

    private Consumer<Answer> jsonHas(String... fields) {
        return a -> {
            for (String f : fields) {
                assertThat(a.json().path(f).isMissingNode() || a.json().path(f).isNull()).as("%s in %s", f, a.text()).isFalse();
            }
        };
    }

    private Consumer<Answer> jsonField(String field, String expected) {
        return a -> assertThat(a.json().path(field).asString()).as("%s in %s", field, a.text()).isEqualTo(fill(expected));
    }

    private Consumer<Answer> jsonArrayHas(String field, String expected) {
        return a -> {
            List<String> found = new ArrayList<>();
            a.json().forEach(n -> found.add(n.path(field).asString()));
            assertThat(found).as("%s of the items of %s", field, a.text()).contains(fill(expected));
        };
    }

    private static Consumer<Answer> error(String code, String message) {
        return a -> {
            assertThat(a.json().path("code").asString()).as("code of %s", a.text()).isEqualTo(code);
            if (message != null) {
                assertThat(a.json().path("message").asString()).isEqualTo(message);
            }
        };
    }

    /** Answered by the fallback of this operation: the route reached it. */
    private static Consumer<Answer> fallback(String operationId) {
        return a -> assertThat(a.header("X-Soracom-Mock-Fallback")).as("the operation that answered").isEqualTo(operationId);
    }

    private static String wasm() {
        try (java.io.InputStream in = ClientRequestCorpusTest.class.getResourceAsStream("/soralet/echo.wasm")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- rows ---

    private static Row row(String source, String method, String path) {
        return new Row(source, method, path);
    }

    /** One request as a client sends it, and what the real API answers. */
    private static final class Row {
        final String source;
        final String method;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        boolean textBody;
        List<Integer> statuses = List.of();
        final List<Consumer<Answer>> checks = new ArrayList<>();
        final Map<String, Function<Answer, String>> captures = new LinkedHashMap<>();

        Row(String source, String method, String path) {
            this.source = source;
            this.method = method;
            this.path = path;
        }

        String title() {
            return method + " " + path + " — " + source;
        }

        Row header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Row auth() {
            return header("X-Soracom-API-Key", "${apiKey}").header("X-Soracom-Token", "${token}");
        }

        /** A JSON body with Content-Type application/json; {@code ${name}} filled in. */
        Row json(String text) {
            headers.put("Content-Type", "application/json");
            body = text.getBytes(StandardCharsets.UTF_8);
            textBody = true;
            return this;
        }

        /** A body as it is (bytes of the text, ISO-8859-1), Content-Type set by the row's header. */
        Row bytes(String raw) {
            body = raw.getBytes(StandardCharsets.ISO_8859_1);
            textBody = false;
            return this;
        }

        Row status(Integer... accepted) {
            statuses = List.of(accepted);
            return this;
        }

        Row expect(Consumer<Answer> check) {
            checks.add(check);
            return this;
        }

        Row capture(String name, Function<Answer, String> f) {
            captures.put(name, f);
            return this;
        }
    }

    /** What came back. */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body, JsonMapper mapper) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return body.length == 0 ? mapper.missingNode() : mapper.readTree(body);
        }
    }
}
