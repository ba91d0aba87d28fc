package dev.soracommock.group;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Group tag through HTTP: groups, tags, configuration, paging, tenant isolation. */
class GroupApiTest extends ApiTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Autowired
    MockClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- helpers ---

    /** Percent-encodes like JavaScript's encodeURIComponent (what the reference tells clients to use), UTF-8. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    private Response create(Operator op, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/groups");
    }

    /** Creates a group with these tags and returns its ID. */
    private String createGroup(Operator op, Map<String, String> tags) {
        Response r = create(op, Map.of("tags", tags));
        r.then().statusCode(201);
        return r.path("groupId");
    }

    private Response get(Operator op, String groupId) {
        return as(op).get("/v1/groups/" + groupId);
    }

    private Response putTags(Operator op, String groupId, List<Map<String, String>> tags) {
        return as(op).contentType(ContentType.JSON).body(tags).put("/v1/groups/" + groupId + "/tags");
    }

    private static Map<String, String> tag(String name, String value) {
        return Map.of("tagName", name, "tagValue", value);
    }

    private Response putConfig(Operator op, String groupId, String namespace, List<Map<String, Object>> entries) {
        return as(op).contentType(ContentType.JSON).body(entries)
                .put("/v1/groups/" + groupId + "/configuration/" + namespace);
    }

    private static Map<String, Object> entry(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        return m;
    }

    private Response deleteRaw(Operator op, String rawPath) {
        return as(op).urlEncodingEnabled(false).delete(rawPath);
    }

    /** Every page of GET /v1/groups?query, following x-soracom-next-key; returns the group IDs in order. */
    private List<String> listAll(Operator op, String query, int expectedPages) {
        List<String> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var spec = as(op);
            String url = "/v1/groups?" + query + (next == null ? "" : "&last_evaluated_key=" + next);
            Response r = spec.urlEncodingEnabled(false).get(url);
            r.then().statusCode(200);
            List<String> page = r.jsonPath().getList("groupId");
            ids.addAll(page);
            next = r.header("x-soracom-next-key");
            pages++;
            if (next != null) {
                assertThat(r.header("Link")).contains("last_evaluated_key=" + next).endsWith("; rel=next");
            } else {
                assertThat(r.header("Link")).isNull();
            }
        } while (next != null && pages < 20);
        assertThat(pages).as("pages of %s", query).isEqualTo(expectedPages);
        return ids;
    }

    // --- create, get ---

    @Test
    void createAnswers201WithAUuidTheTagsTheConfigurationAndTheTimes() {
        Operator op = newOperator();
        Instant now = Instant.parse("2026-01-02T03:04:05.678Z");
        clock.freeze(); // frozen first, then set: set-then-freeze lets the time run between the two
        clock.set(now);

        Response r = create(op, Map.of("tags", Map.of("name", "Group name", "env", "test"),
                "configuration", Map.of("SoracomAir", Map.of("metadata", Map.of("enabled", true)),
                        "SoracomHarvest", Map.of("enabled", true))));

        r.then().statusCode(201).contentType(ContentType.JSON);
        assertThat(r.header("X-Soracom-Mock-Fallback")).as("stateful, not the fallback").isNull();
        assertThat((String) r.path("groupId")).matches(UUID);
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
        assertThat(r.jsonPath().getMap("tags")).isEqualTo(Map.of("name", "Group name", "env", "test"));
        assertThat((Boolean) r.path("configuration.SoracomAir.metadata.enabled")).isTrue();
        assertThat((Boolean) r.path("configuration.SoracomHarvest.enabled")).isTrue();
        for (String field : List.of("createdTime", "lastModifiedTime")) {
            assertThat(r.jsonPath().getLong(field)).as(field).isEqualTo(now.toEpochMilli());
        }

        Response got = get(op, r.path("groupId"));
        got.then().statusCode(200);
        assertThat(got.jsonPath().getMap("$")).isEqualTo(r.jsonPath().getMap("$"));
    }

    @Test
    void aGroupWithoutANameShowsAnEmptyNameAndAnEmptyConfiguration() {
        Operator op = newOperator();

        Response r = create(op, Map.of());

        r.then().statusCode(201);
        assertThat(r.jsonPath().getMap("tags")).isEqualTo(Map.of("name", ""));
        assertThat(r.jsonPath().getMap("configuration")).isEmpty();
    }

    @Test
    void eachGroupGetsItsOwnId() {
        Operator op = newOperator();
        assertThat(createGroup(op, Map.of("name", "a"))).isNotEqualTo(createGroup(op, Map.of("name", "a")));
    }

    @Test
    void anUnknownGroupIs404() {
        Operator op = newOperator();
        assertError(get(op, "00000000-0000-4000-8000-000000000000"), 404, "SEM0501");
        assertError(as(op).header("X-Soracom-Lang", "ja").get("/v1/groups/nope"), 404, "SEM0501");
        assertThat(as(op).header("X-Soracom-Lang", "ja").get("/v1/groups/nope").jsonPath().getString("message"))
                .isEqualTo("指定されたグループは存在しません。");
    }

    @Test
    void groupsNeedCredentials() {
        assertError(api().get("/v1/groups"), 401, "AUM0001");
    }

    // --- list: paging and tag filters ---

    @Test
    void listPagesByGroupIdAcrossPages() {
        Operator op = newOperator();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createGroup(op, Map.of("name", "g" + i)));
        }
        List<String> sorted = created.stream().sorted().toList();

        assertThat(listAll(op, "limit=2", 3)).isEqualTo(sorted);
        assertThat(listAll(op, "limit=5", 1)).isEqualTo(sorted);
        assertThat(listAll(op, "limit=4", 2)).isEqualTo(sorted);
        assertThat(as(op).get("/v1/groups").jsonPath().getList("groupId")).isEqualTo(sorted);
        // continuing after the second group
        Response rest = as(op).queryParam("last_evaluated_key", sorted.get(1)).get("/v1/groups");
        assertThat(rest.jsonPath().getList("groupId")).isEqualTo(sorted.subList(2, 5));
    }

    @Test
    void aPageShowsEveryGroupWithItsOwnTagsAndConfiguration() {
        Operator op = newOperator();
        Map<String, Map<String, String>> tagsById = new java.util.HashMap<>();
        for (int i = 0; i < 4; i++) {
            Map<String, String> tags = i == 3 ? Map.of("team", "none") : Map.of("name", "g" + i, "team", "t" + i, "n", "" + i);
            tagsById.put(createGroup(op, tags), i == 3 ? Map.of("name", "", "team", "none") : tags);
        }
        String configured = tagsById.keySet().iterator().next();
        putConfig(op, configured, "SoracomAir", List.of(entry("useCustomDns", true))).then().statusCode(200);
        List<String> sorted = tagsById.keySet().stream().sorted().toList();

        Response first = as(op).queryParam("limit", 3).get("/v1/groups");
        Response all = as(op).get("/v1/groups");

        assertThat(first.jsonPath().getList("groupId")).isEqualTo(sorted.subList(0, 3));
        assertThat(all.jsonPath().getList("groupId")).isEqualTo(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            String id = sorted.get(i);
            assertThat(all.jsonPath().getMap("[" + i + "].tags")).isEqualTo(tagsById.get(id));
            assertThat(all.jsonPath().getMap("[" + i + "].configuration"))
                    .isEqualTo(id.equals(configured) ? Map.of("SoracomAir", Map.of("useCustomDns", true)) : Map.of());
            if (i < 3) {
                assertThat(first.jsonPath().getMap("[" + i + "].tags")).isEqualTo(tagsById.get(id));
            }
        }
    }

    @Test
    void anOperatorWithoutGroupsListsAnEmptyArray() {
        Operator op = newOperator();
        Response r = as(op).get("/v1/groups");
        r.then().statusCode(200);
        assertThat(r.asString()).isEqualTo("[]");
        assertThat(r.header("x-soracom-next-key")).isNull();
    }

    @Test
    void listFiltersByTagExactlyOrByPrefix() {
        Operator op = newOperator();
        String prod1 = createGroup(op, Map.of("name", "a", "env", "prod"));
        String prod2 = createGroup(op, Map.of("name", "b", "env", "production"));
        String staging = createGroup(op, Map.of("name", "c", "env", "staging"));
        String wild = createGroup(op, Map.of("name", "d", "env", "p%_x"));
        createGroup(op, Map.of("name", "e", "other", "prod"));

        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "prod").get("/v1/groups")
                .jsonPath().getList("groupId")).containsExactly(prod1);
        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "prod")
                .queryParam("tag_value_match_mode", "exact").get("/v1/groups").jsonPath().getList("groupId"))
                .containsExactly(prod1);
        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "prod")
                .queryParam("tag_value_match_mode", "prefix").get("/v1/groups").jsonPath().<String>getList("groupId"))
                .containsExactlyElementsOf(List.of(prod1, prod2).stream().sorted().toList());
        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "s")
                .queryParam("tag_value_match_mode", "prefix").get("/v1/groups").jsonPath().getList("groupId"))
                .containsExactly(staging);
        // LIKE wildcards in the value are literal characters
        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "p%")
                .queryParam("tag_value_match_mode", "prefix").get("/v1/groups").jsonPath().getList("groupId"))
                .containsExactly(wild);
        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "p_")
                .queryParam("tag_value_match_mode", "prefix").get("/v1/groups").jsonPath().getList("groupId"))
                .isEmpty();
        // the name tag filters like any other
        assertThat(as(op).queryParam("tag_name", "name").queryParam("tag_value", "c").get("/v1/groups")
                .jsonPath().getList("groupId")).containsExactly(staging);
        assertThat(as(op).queryParam("tag_name", "env").queryParam("tag_value", "nothing").get("/v1/groups")
                .asString()).isEqualTo("[]");
    }

    @Test
    void aTagFilterPagesToo() {
        Operator op = newOperator();
        List<String> tagged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tagged.add(createGroup(op, Map.of("name", "t" + i, "team", "blue-" + i)));
            createGroup(op, Map.of("name", "u" + i, "team", "red"));
        }
        assertThat(listAll(op, "tag_name=team&tag_value=blue&tag_value_match_mode=prefix&limit=2", 3))
                .isEqualTo(tagged.stream().sorted().toList());
    }

    @Test
    void aTagNameWithoutATagValueIsRefused() {
        Operator op = newOperator();
        assertError(as(op).queryParam("tag_name", "env").get("/v1/groups"), 400, "COM0008");
    }

    @Test
    void anUnknownMatchModeIsRefusedByTheContract() {
        Operator op = newOperator();
        assertError(as(op).queryParam("tag_name", "env").queryParam("tag_value", "x")
                .queryParam("tag_value_match_mode", "suffix").get("/v1/groups"), 400, "COM0008");
    }

    // --- delete ---

    @Test
    void deleteAnswers204AndTheGroupIsGone() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "doomed"));
        String kept = createGroup(op, Map.of("name", "kept"));

        Response r = as(op).delete("/v1/groups/" + id);

        r.then().statusCode(204);
        assertThat(r.asString()).isEmpty();
        assertError(get(op, id), 404, "SEM0501");
        assertThat(as(op).get("/v1/groups").jsonPath().getList("groupId")).containsExactly(kept);
        assertError(as(op).delete("/v1/groups/" + id), 404, "SEM0501");
    }

    // --- tags ---

    @Test
    void putTagsMergesAndOverwrites() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g", "a", "1"));
        long created = get(op, id).jsonPath().getLong("createdTime");
        clock.advance(Duration.ofSeconds(5));

        Response r = putTags(op, id, List.of(tag("b", "2"), tag("a", "one"), tag("empty", "")));

        r.then().statusCode(200);
        assertThat(r.jsonPath().getMap("tags")).isEqualTo(Map.of("name", "g", "a", "one", "b", "2", "empty", ""));
        assertThat(r.jsonPath().getLong("createdTime")).isEqualTo(created);
        assertThat(r.jsonPath().getLong("lastModifiedTime")).isGreaterThanOrEqualTo(created + 5000);
        assertThat(get(op, id).jsonPath().getMap("tags")).isEqualTo(r.jsonPath().getMap("tags"));
    }

    @Test
    void twoTagsPlusTwoNewMakeFourAndDeletingOneLeavesThree() {
        // the Go SDK's group tag test
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g", "t1", "v1"));
        assertThat(putTags(op, id, List.of(tag("t2", "v2"), tag("t3", "v3"))).jsonPath().getMap("tags")).hasSize(4);

        deleteRaw(op, "/v1/groups/" + id + "/tags/t2").then().statusCode(204);

        assertThat(get(op, id).jsonPath().getMap("tags")).isEqualTo(Map.of("name", "g", "t1", "v1", "t3", "v3"));
    }

    @Test
    void tagNamesArePercentEncodedInThePath() {
        Operator op = newOperator();
        String odd = "soracom-mock-test-tag-日本語\\$%25&&?*-_. /+#";
        String id = createGroup(op, Map.of("name", "g"));
        putTags(op, id, List.of(tag(odd, "v"), tag("plain", "p"))).then().statusCode(200);
        assertThat(get(op, id).jsonPath().getMap("tags")).containsEntry(odd, "v");

        Response r = deleteRaw(op, "/v1/groups/" + id + "/tags/" + encode(odd));

        r.then().statusCode(204);
        assertThat(get(op, id).jsonPath().getMap("tags")).isEqualTo(Map.of("name", "g", "plain", "p"));
    }

    @Test
    void deletingAnUnknownTagIs404() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g", "a", "1"));
        assertError(deleteRaw(op, "/v1/groups/" + id + "/tags/b"), 404, "SEM0010");
        assertError(deleteRaw(op, "/v1/groups/" + id + "/tags/A"), 404, "SEM0010");
        assertError(deleteRaw(op, "/v1/groups/nope/tags/a"), 404, "SEM0501");
        assertThat(get(op, id).jsonPath().getMap("tags")).containsEntry("a", "1");
    }

    @Test
    void anEmptyTagNameIsRefused() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        assertError(putTags(op, id, List.of(tag("", "v"))), 400, "COM0008");
        assertThat(get(op, id).jsonPath().getMap("tags")).isEqualTo(Map.of("name", "g"));
    }

    // --- configuration ---

    @Test
    void putConfigurationMergesKeysIntoTheNamespace() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));

        Response first = putConfig(op, id, "SoracomAir",
                List.of(entry("useCustomDns", true), entry("dnsServers", List.of("8.8.8.8", "1.1.1.1"))));
        first.then().statusCode(200);
        assertThat(first.jsonPath().getMap("configuration.SoracomAir"))
                .isEqualTo(Map.of("useCustomDns", true, "dnsServers", List.of("8.8.8.8", "1.1.1.1")));

        Map<String, Object> metadata = Map.of("enabled", true, "readonly", false, "allowOrigin", "http://x.example");
        Response second = putConfig(op, id, "SoracomAir", List.of(entry("metadata", metadata), entry("useCustomDns", false)));
        second.then().statusCode(200);
        assertThat(second.jsonPath().getMap("configuration.SoracomAir")).isEqualTo(Map.of("useCustomDns", false,
                "dnsServers", List.of("8.8.8.8", "1.1.1.1"), "metadata", metadata));

        // a value is replaced whole, not deep-merged
        Response third = putConfig(op, id, "SoracomAir", List.of(entry("metadata", Map.of("enabled", false))));
        assertThat(third.jsonPath().getMap("configuration.SoracomAir.metadata")).isEqualTo(Map.of("enabled", false));

        // another namespace leaves this one alone
        putConfig(op, id, "SoracomHarvest", List.of(entry("enabled", true))).then().statusCode(200);
        Map<String, Object> config = get(op, id).jsonPath().getMap("configuration");
        assertThat(config).containsOnlyKeys("SoracomAir", "SoracomHarvest");
        assertThat(get(op, id).jsonPath().getMap("configuration.SoracomAir")).containsOnlyKeys("useCustomDns",
                "dnsServers", "metadata");
    }

    @Test
    void configurationValuesAreAnyJson() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        Map<String, Object> nested = new HashMap<>();
        nested.put("a", List.of(1, "two", Map.of("three", 3.5)));
        nested.put("n", null);
        List<Map<String, Object>> entries = new ArrayList<>(List.of(entry("string", "s"), entry("int", 42),
                entry("big", 12345678901234L), entry("decimal", 1.25), entry("bool", true), entry("list", List.of(1, 2)),
                entry("object", nested), entry("null", null), entry("tcp://beam.soracom.io:8023",
                        Map.of("name", "beam", "destination", "tcp://example.com:1234", "enabled", true))));

        Response r = putConfig(op, id, "SoracomBeam", entries);

        r.then().statusCode(200);
        String json = get(op, id).asString();
        assertThat(json).contains("\"string\":\"s\"", "\"int\":42", "\"big\":12345678901234", "\"decimal\":1.25",
                "\"bool\":true", "\"list\":[1,2]", "\"null\":null", "\"three\":3.5", "\"n\":null",
                "\"tcp://beam.soracom.io:8023\":{");
    }

    @Test
    void deletingAKeyRemovesItAndTheNamespaceGoesWithItsLastKey() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        putConfig(op, id, "SoracomAir", List.of(entry("useCustomDns", true), entry("dnsServers", List.of("8.8.8.8"))));
        putConfig(op, id, "SoracomHarvest", List.of(entry("enabled", true)));

        deleteRaw(op, "/v1/groups/" + id + "/configuration/SoracomAir/dnsServers").then().statusCode(204);
        assertThat(get(op, id).jsonPath().getMap("configuration.SoracomAir")).isEqualTo(Map.of("useCustomDns", true));

        deleteRaw(op, "/v1/groups/" + id + "/configuration/SoracomAir/useCustomDns").then().statusCode(204);
        assertThat(get(op, id).jsonPath().getMap("configuration")).containsOnlyKeys("SoracomHarvest");

        assertError(deleteRaw(op, "/v1/groups/" + id + "/configuration/SoracomAir/useCustomDns"), 404, "SEM0504");
        assertError(deleteRaw(op, "/v1/groups/" + id + "/configuration/SoracomHarvest/missing"), 404, "SEM0504");
        assertThat(get(op, id).jsonPath().getMap("configuration.SoracomHarvest")).isEqualTo(Map.of("enabled", true));
    }

    @Test
    void configurationKeyNamesArePercentEncodedInThePath() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        String beamKey = "tcp://beam.soracom.io:8023";
        String odd = "鍵 %25&?=+#";
        putConfig(op, id, "SoracomBeam", List.of(entry(beamKey, Map.of("enabled", true)), entry(odd, 1),
                entry("other", 2))).then().statusCode(200);

        deleteRaw(op, "/v1/groups/" + id + "/configuration/SoracomBeam/" + encode(odd)).then().statusCode(204);
        deleteRaw(op, "/v1/groups/" + id + "/configuration/SoracomBeam/" + encode(beamKey)).then().statusCode(204);

        assertThat(get(op, id).jsonPath().getMap("configuration.SoracomBeam")).isEqualTo(Map.of("other", 2));
    }

    @Test
    void deletingANamespaceRemovesAllItsKeys() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        putConfig(op, id, "SoracomAir", List.of(entry("useCustomDns", true), entry("dnsServers", List.of("8.8.8.8"))));
        putConfig(op, id, "SoracomFunnel", List.of(entry("enabled", true)));

        as(op).delete("/v1/groups/" + id + "/configuration/SoracomAir").then().statusCode(204);

        assertThat(get(op, id).jsonPath().getMap("configuration")).containsOnlyKeys("SoracomFunnel");
        assertError(as(op).delete("/v1/groups/" + id + "/configuration/SoracomAir"), 400, "SEM0503");
        assertError(as(op).delete("/v1/groups/nope/configuration/SoracomAir"), 404, "SEM0501");
    }

    @Test
    void namespacesAreTheContractsEnum() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));

        for (String ns : List.of("SoracomAir", "SoracomBeam", "SoracomEndorse", "SoracomFlux", "SoracomFunk",
                "SoracomFunnel", "SoracomHarvest", "SoracomHarvestFiles", "SoracomKrypton", "SoracomOrbit",
                "UnifiedEndpoint")) {
            putConfig(op, id, ns, List.of(entry("enabled", true))).then().statusCode(200);
        }
        assertThat(get(op, id).jsonPath().getMap("configuration")).hasSize(11);

        assertError(putConfig(op, id, "SoracomJunction", List.of(entry("enabled", true))), 400, "COM0008");
        assertError(putConfig(op, id, "soracomair", List.of(entry("enabled", true))), 400, "COM0008");
        assertError(as(op).delete("/v1/groups/" + id + "/configuration/Nope"), 400, "COM0008");
        assertError(as(op).delete("/v1/groups/" + id + "/configuration/Nope/enabled"), 400, "COM0008");
        // createGroup's configuration has no enum in the contract: checked by the emulator
        assertError(create(op, Map.of("configuration", Map.of("Nope", Map.of("enabled", true)))), 400, "SEM0506");
        assertThat(get(op, id).jsonPath().getMap("configuration")).hasSize(11);
    }

    @Test
    void aConfigurationEntryNeedsAKeyAndAValue() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        assertError(as(op).contentType(ContentType.JSON).body(List.of(Map.of("key", "k")))
                .put("/v1/groups/" + id + "/configuration/SoracomAir"), 400, "COM0008");
        assertError(putConfig(op, id, "SoracomAir", List.of(entry("", 1))), 400, "COM0008");
        assertThat(get(op, id).jsonPath().getMap("configuration")).isEmpty();
    }

    @Test
    void theWholeConfigurationIsLimitedTo8KB() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        // {"SoracomAir":{"k":"…"}} is 23 bytes plus the value
        String fits = "x".repeat(8192 - 23);
        putConfig(op, id, "SoracomAir", List.of(entry("k", fits))).then().statusCode(200);
        String before = get(op, id).asString();
        clock.advance(Duration.ofSeconds(1));

        // one byte more, in another namespace
        assertError(putConfig(op, id, "SoracomHarvest", List.of(entry("e", true))), 400, "SEM0505");
        // the same size with a multi-byte character (3 bytes in UTF-8)
        assertError(putConfig(op, id, "SoracomAir", List.of(entry("k", "x".repeat(8192 - 23 - 2) + "日"))), 400,
                "SEM0505");

        assertThat(get(op, id).asString()).as("nothing changed").isEqualTo(before);
        // shrinking is fine again
        putConfig(op, id, "SoracomAir", List.of(entry("k", "small"))).then().statusCode(200);
        putConfig(op, id, "SoracomHarvest", List.of(entry("e", true))).then().statusCode(200);
    }

    @Test
    void aGroupCannotBeCreatedWithMoreThan8KBOfConfiguration() {
        Operator op = newOperator();
        Response r = create(op, Map.of("tags", Map.of("name", "big"),
                "configuration", Map.of("SoracomAir", Map.of("k", "x".repeat(8192)))));
        assertError(r, 400, "SEM0505");
        assertThat(as(op).get("/v1/groups").asString()).isEqualTo("[]");
    }

    // --- subscribers in a group ---

    @Test
    void aGroupWithoutSimsListsNoSubscribers() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));

        Response r = as(op).queryParam("limit", 10).get("/v1/groups/" + id + "/subscribers");

        r.then().statusCode(200);
        assertThat(r.asString()).isEqualTo("[]");
        assertThat(r.header("x-soracom-next-key")).isNull();
        assertError(as(op).get("/v1/groups/nope/subscribers"), 404, "SEM0501");
    }

    @Test
    void concurrentChangesToOneGroupAreAllKept() throws Exception {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g"));
        int n = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<List<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit(() -> {
                    start.await();
                    int tags = putTags(op, id, List.of(tag("t" + k, "v"))).statusCode();
                    int config = putConfig(op, id, "SoracomAir", List.of(entry("k" + k, k))).statusCode();
                    return List.of(tags, config);
                }));
            }
            start.countDown();
            for (var f : results) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).containsExactly(200, 200);
            }
        } finally {
            pool.shutdownNow();
        }
        Response r = get(op, id);
        assertThat(r.jsonPath().getMap("tags")).hasSize(n + 1);
        assertThat(r.jsonPath().getMap("configuration.SoracomAir")).hasSize(n);
    }

    @Test
    void deletingTheOperatorDeletesItsGroups() {
        Operator op = newOperator();
        String id = createGroup(op, Map.of("name", "g", "env", "prod"));
        putConfig(op, id, "SoracomAir", List.of(entry("useCustomDns", true))).then().statusCode(200);
        Operator other = newOperator();
        String kept = createGroup(other, Map.of("name", "kept", "env", "prod"));

        as(op).delete("/v1/sandbox/operators/" + op.operatorId()).then().statusCode(200);

        assertThat(get(other, kept).jsonPath().getMap("tags")).isEqualTo(Map.of("name", "kept", "env", "prod"));
        assertThat(as(other).get("/v1/groups").jsonPath().getList("groupId")).containsExactly(kept);
    }

    // --- tenant isolation ---

    @Test
    void anotherOperatorsGroupDoesNotExistForTheCaller() {
        Operator owner = newOperator();
        Operator other = newOperator();
        String id = createGroup(owner, Map.of("name", "mine", "env", "prod"));
        putConfig(owner, id, "SoracomAir", List.of(entry("useCustomDns", true))).then().statusCode(200);
        String before = get(owner, id).asString();

        assertError(get(other, id), 404, "SEM0501");
        assertError(putTags(other, id, List.of(tag("x", "y"))), 404, "SEM0501");
        assertError(deleteRaw(other, "/v1/groups/" + id + "/tags/env"), 404, "SEM0501");
        assertError(putConfig(other, id, "SoracomAir", List.of(entry("useCustomDns", false))), 404, "SEM0501");
        assertError(deleteRaw(other, "/v1/groups/" + id + "/configuration/SoracomAir/useCustomDns"), 404, "SEM0501");
        assertError(as(other).delete("/v1/groups/" + id + "/configuration/SoracomAir"), 404, "SEM0501");
        assertError(as(other).get("/v1/groups/" + id + "/subscribers"), 404, "SEM0501");
        assertError(as(other).delete("/v1/groups/" + id), 404, "SEM0501");
        assertThat(as(other).get("/v1/groups").asString()).isEqualTo("[]");
        assertThat(as(other).queryParam("tag_name", "env").queryParam("tag_value", "prod").get("/v1/groups").asString())
                .isEqualTo("[]");
        // a group ID of another operator does not continue the caller's list either
        String otherId = createGroup(other, Map.of("name", "theirs"));
        assertThat(as(other).get("/v1/groups").jsonPath().getList("groupId")).containsExactly(otherId);

        assertThat(get(owner, id).asString()).as("unchanged").isEqualTo(before);
        assertThat(Arrays.asList(as(owner).get("/v1/groups").jsonPath().getList("groupId").toArray())).containsExactly(id);
    }
}
