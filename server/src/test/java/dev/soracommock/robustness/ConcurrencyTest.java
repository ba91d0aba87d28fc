package dev.soracommock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fifty clients at once, each on its own thread with its own HTTP calls, creating SIMs and changing the same SIMs
 * (tags, speed class, group, status): identifiers stay unique, no acknowledged write is lost (a write that cannot be
 * applied because another changed the SIM at the same moment is refused with 409 COM0010 and changes nothing), nothing
 * deadlocks (every client must finish within a bound) and nothing answers 5xx.
 */
class ConcurrencyTest extends ApiTest {

    private static final int CLIENTS = 50;
    private static final long BOUND_SECONDS = 120;
    private static final long SEED = Long.getLong("concurrency.seed", System.currentTimeMillis());

    @Autowired
    JsonMapper json;

    private RawHttp http;
    private ExecutorService pool;
    private Operator op;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        pool = Executors.newFixedThreadPool(CLIENTS);
        op = newOperator();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void simsCreatedAtOnceHaveUniqueIdentifiers() throws Exception {
        List<JsonNode> created = all(i -> {
            List<JsonNode> mine = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                RawHttp.Answer a = call("POST", "/v1/sandbox/subscribers/create", "{}");
                assertThat(a.status()).as("create: %s", a.text()).isEqualTo(200);
                JsonNode sim = a.json(json);
                RawHttp.Answer reg = call("POST", "/v1/subscribers/" + sim.path("imsi").asString() + "/register",
                        "{\"registrationSecret\":\"" + sim.path("registrationSecret").asString() + "\"}");
                assertThat(reg.status()).as("register: %s", reg.text()).isEqualTo(200);
                mine.add(sim);
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertThat(created).hasSize(CLIENTS * 2);
        for (String field : List.of("imsi", "serialNumber", "msisdn", "iccid", "simId")) {
            List<String> values = created.stream().map(s -> s.path(field).asString()).filter(v -> !v.isEmpty()).toList();
            assertThat(values).as(field).doesNotHaveDuplicates();
        }
        assertThat(created.stream().map(s -> s.path("imsi").asString()).toList()).allSatisfy(imsi -> assertThat(imsi).isNotBlank());
        // all of them are the operator's, each once
        List<String> imsis = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 10; page++) {
            RawHttp.Answer listed = call("GET", "/v1/subscribers?limit=100" + (next == null ? "" : "&last_evaluated_key=" + next), null);
            assertThat(listed.status()).as(listed.text()).isEqualTo(200);
            listed.json(json).forEach(s -> imsis.add(s.path("imsi").asString()));
            next = listed.header("x-soracom-next-key");
            if (next == null) {
                break;
            }
        }
        assertThat(imsis).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created.stream().map(s -> s.path("imsi").asString()).toList());
    }

    @Test
    void fiftyDistinctTagsPutAtOnceOnOneSimAreAllKept() throws Exception {
        String imsi = registeredSim();
        Map<String, Integer> outcome = new ConcurrentHashMap<>();

        all(i -> {
            String body = "[{\"tagName\":\"client" + i + "\",\"tagValue\":\"v" + i + "\"}]";
            // a client that is told 409 retries, as the error says; bounded
            for (int attempt = 0; attempt < 50; attempt++) {
                RawHttp.Answer a = call("PUT", "/v1/subscribers/" + imsi + "/tags", body);
                outcome.put("client" + i, a.status());
                if (a.status() != 409) {
                    assertThat(a.status()).as("put tag: %s", a.text()).isEqualTo(200);
                    break;
                }
                assertConflict(a);
            }
            return null;
        });

        JsonNode tags = call("GET", "/v1/subscribers/" + imsi, null).json(json).path("tags");
        for (int i = 0; i < CLIENTS; i++) {
            if (outcome.get("client" + i) == 200) {
                assertThat(tags.path("client" + i).asString()).as("tag client%d acknowledged with 200", i).isEqualTo("v" + i);
            }
        }
        assertThat(outcome.values()).as("every client got its tag in within 50 attempts").containsOnly(200);
    }

    @Test
    void theSameNewTagPutAtOnceByFiftyClientsEndsWithOneOfTheirValues() throws Exception {
        String imsi = registeredSim();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        // all insert the same (sim, tag name) row at the same moment: the losers are told 409, never 500
        all(i -> {
            RawHttp.Answer a = call("PUT", "/v1/subscribers/" + imsi + "/tags",
                    "[{\"tagName\":\"shared\",\"tagValue\":\"v" + i + "\"}]");
            statuses.put(i, a.status());
            if (a.status() == 409) {
                assertConflict(a);
            } else {
                assertThat(a.status()).as("put tag: %s", a.text()).isEqualTo(200);
            }
            return null;
        });

        String value = call("GET", "/v1/subscribers/" + imsi, null).json(json).path("tags").path("shared").asString();
        int winner = Integer.parseInt(value.substring(1));
        assertThat(statuses.get(winner)).as("the stored value is one that was acknowledged").isEqualTo(200);
    }

    @Test
    void mixedChangesToTheSameSimsLoseNothingAcknowledged() throws Exception {
        List<String> sims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sims.add(registeredSim());
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RawHttp.Answer g = call("POST", "/v1/groups", "{\"tags\":{\"name\":\"concurrency" + i + "\"}}");
            assertThat(g.status()).as(g.text()).isEqualTo(201);
            groups.add(g.json(json).path("groupId").asString());
        }
        List<String> speedClasses = List.of("s1.minimum", "s1.slow", "s1.standard", "s1.fast");
        List<String> transitions = List.of("activate", "deactivate", "set_to_standby", "suspend");
        // what each client last did successfully to its own tags (a tag name belongs to one client): tag -> present?
        Map<String, Boolean> ownTags = new ConcurrentHashMap<>();
        Map<String, Set<String>> writtenSpeed = new ConcurrentHashMap<>();
        Map<String, Set<String>> writtenGroup = new ConcurrentHashMap<>();

        all(i -> {
            Random random = new Random(SEED + i);
            for (int step = 0; step < 10; step++) {
                String sim = sims.get(random.nextInt(sims.size()));
                String tag = "c" + i + "-" + random.nextInt(3);
                RawHttp.Answer a;
                switch (random.nextInt(5)) {
                    case 0 -> {
                        a = call("PUT", "/v1/subscribers/" + sim + "/tags", "[{\"tagName\":\"" + tag + "\",\"tagValue\":\"x\"}]");
                        if (a.status() == 200) {
                            ownTags.put(sim + "/" + tag, true);
                        }
                    }
                    case 1 -> {
                        a = call("DELETE", "/v1/subscribers/" + sim + "/tags/" + tag, null);
                        if (a.status() == 404) {
                            // only a tag this client never put, or deleted already, may be missing
                            assertThat(ownTags.getOrDefault(sim + "/" + tag, false)).as("tag %s on %s vanished", tag, sim).isFalse();
                            continue;
                        }
                        if (a.status() == 204) {
                            ownTags.put(sim + "/" + tag, false);
                        }
                    }
                    case 2 -> {
                        String speed = speedClasses.get(random.nextInt(speedClasses.size()));
                        a = call("POST", "/v1/subscribers/" + sim + "/update_speed_class", "{\"speedClass\":\"" + speed + "\"}");
                        if (a.status() == 200) {
                            writtenSpeed.computeIfAbsent(sim, k -> ConcurrentHashMap.newKeySet()).add(speed);
                        }
                    }
                    case 3 -> {
                        boolean unset = random.nextInt(3) == 0;
                        String group = groups.get(random.nextInt(groups.size()));
                        a = unset ? call("POST", "/v1/subscribers/" + sim + "/unset_group", null)
                                : call("POST", "/v1/subscribers/" + sim + "/set_group", "{\"groupId\":\"" + group + "\"}");
                        if (a.status() == 200) {
                            writtenGroup.computeIfAbsent(sim, k -> ConcurrentHashMap.newKeySet()).add(unset ? "" : group);
                        }
                        if (unset && a.status() == 404) {
                            // the SIM is in no group (another client unset it)
                            assertThat(a.json(json).path("code").asString()).as(a.text()).isEqualTo("SEM0012");
                            continue;
                        }
                    }
                    default -> {
                        a = call("POST", "/v1/subscribers/" + sim + "/" + transitions.get(random.nextInt(transitions.size())), null);
                        if (a.status() == 400) {
                            // a transition the SIM's current status does not allow
                            assertThat(ErrorForm.problem(new RawHttp.Call("POST", "/v1", Map.of(), new byte[0]), a, json)).isNull();
                            continue;
                        }
                    }
                }
                if (a.status() == 409) {
                    assertConflict(a);
                } else {
                    assertThat(a.status()).as("step %d of client %d: %s", step, i, a.text()).isBetween(200, 204);
                }
            }
            return null;
        });

        for (String sim : sims) {
            RawHttp.Answer a = call("GET", "/v1/subscribers/" + sim, null);
            assertThat(a.status()).as(a.text()).isEqualTo(200);
            JsonNode s = a.json(json);
            ownTags.forEach((key, present) -> {
                if (key.startsWith(sim + "/")) {
                    String tag = key.substring(sim.length() + 1);
                    assertThat(s.path("tags").has(tag)).as("tag %s on %s (seed %d)", tag, sim, SEED).isEqualTo(present);
                }
            });
            if (writtenSpeed.containsKey(sim)) {
                assertThat(writtenSpeed.get(sim)).as("speed class of %s (seed %d)", sim, SEED).contains(s.path("speedClass").asString());
            }
            if (writtenGroup.containsKey(sim)) {
                String group = s.path("groupId").isNull() || s.path("groupId").isMissingNode() ? "" : s.path("groupId").asString();
                assertThat(writtenGroup.get(sim)).as("group of %s (seed %d)", sim, SEED).contains(group);
            }
        }
    }

    // --- helpers ---

    /** Runs the client body on {@link #CLIENTS} threads released at once; fails on any failure or if one hangs. */
    private <T> List<T> all(IntFunction<T> client) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int id = i;
            futures.add(pool.submit(() -> {
                start.await();
                return client.apply(id);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        for (Future<T> f : futures) {
            // a client still waiting past the bound means requests are stuck (a deadlock): get() fails the test
            results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        }
        return results;
    }

    private RawHttp.Answer call(String method, String path, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Soracom-API-Key", op.apiKey(), "X-Soracom-Token", op.token()));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        RawHttp.Call call = new RawHttp.Call(method, path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer a = http.send(call);
        assertThat(ErrorForm.problem(call, a, json)).as("%s", call).isNull();
        return a;
    }

    private void assertConflict(RawHttp.Answer a) {
        assertThat(a.json(json).path("code").asString()).as(a.text()).isEqualTo("COM0010");
    }

    private String registeredSim() {
        JsonNode sim = call("POST", "/v1/sandbox/subscribers/create", "{}").json(json);
        String imsi = sim.path("imsi").asString();
        RawHttp.Answer reg = call("POST", "/v1/subscribers/" + imsi + "/register",
                "{\"registrationSecret\":\"" + sim.path("registrationSecret").asString() + "\"}");
        assertThat(reg.status()).as(reg.text()).isEqualTo(200);
        return imsi;
    }
}
