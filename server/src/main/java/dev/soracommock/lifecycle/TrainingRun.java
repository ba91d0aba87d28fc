package dev.soracommock.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training run of the start-up archives (docs/adr/0003): with {@code soracom-mock.training-run=true}
 * ({@code SORACOM_MOCK_TRAINING_RUN}), once the server is ready it sends itself, over HTTP on its own port, what a
 * client's first minute looks like — sign-ups, log-ins, SIMs created, registered, tagged, listed and read, groups,
 * a fallback answer, refused requests — then a few seconds of the reads users repeat most, and exits.
 * <p>
 * The JVM writes its class-data archive at that exit: JDK 25's AOT cache ({@code -XX:AOTCacheOutput}) then holds the
 * classes of the first requests already loaded and linked (not the method profiles of JEP 515: the shipped settings
 * run the C1 compiler alone, which uses none, so {@code docker/train-archive.sh} records none); a CDS archive ({@code
 * -XX:ArchiveClassesAtExit}, JDK 17) holds the classes. The reads run long enough to reach the classes that only
 * repeated calls load. A run stopped at the context's refresh
 * ({@code spring.context.exit=onRefresh}, the former training) knew neither the first request's classes nor any
 * profile.
 * <p>
 * The bean is always there (Spring AOT freezes conditions at build time); without the setting it does nothing. The
 * state it makes lives in the emulator's in-memory database and goes with the process.
 */
@Component
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    static final String SETTING = "soracom-mock.training-run";
    /**
     * How long the repeated reads run: at least {@link #LOAD} and {@link #LOAD_REQUESTS} requests (a busy build machine
     * serves fewer per second), at most {@link #LOAD_CAP}.
     */
    private static final Duration LOAD = Duration.ofSeconds(2);
    private static final int LOAD_REQUESTS = 1_000;
    private static final Duration LOAD_CAP = Duration.ofSeconds(40);

    private final Environment environment;
    private final JsonMapper json;

    TrainingRun(Environment environment, JsonMapper json) {
        this.environment = environment;
        this.json = json;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!environment.getProperty(SETTING, Boolean.class, false)) {
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        Thread training = new Thread(() -> {
            int exit = 0;
            try {
                new Workload("http://127.0.0.1:" + port, json).run(environment);
            } catch (Exception e) {
                log.error("training run failed", e);
                exit = 1;
            }
            int code = exit;
            System.exit(SpringApplication.exit(context, () -> code));
        }, "training-run");
        training.start();
    }

    /** The requests, sent as a client sends them (JSON, the credential headers soracom-cli sends). */
    private static final class Workload {

        private final JsonMapper json;

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final AtomicInteger requests = new AtomicInteger();

        Workload(String base, JsonMapper json) {
            this.base = base;
            this.json = json;
        }

        void run(Environment environment) throws Exception {
            long started = System.nanoTime();
            String email = environment.getProperty("soracom-mock.default-operator.email", "operator@soracom-mock.test");
            String password = environment.getProperty("soracom-mock.default-operator.password", "soracom-mock-password");
            send("POST", "/v1/auth", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
            String[] op = signUp("training-" + System.nanoTime() + "@example.com");
            List<String> imsis = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String created = send("POST", "/v1/sandbox/subscribers/create", op, "{}");
                String imsi = field(created, "imsi");
                send("POST", "/v1/subscribers/" + imsi + "/register", op,
                        "{\"registrationSecret\":\"" + field(created, "registrationSecret") + "\"}");
                send("PUT", "/v1/subscribers/" + imsi + "/tags", op, "[{\"tagName\":\"name\",\"tagValue\":\"sim-" + i + "\"}]");
                imsis.add(imsi);
            }
            String group = field(send("POST", "/v1/groups", op, "{\"tags\":{\"name\":\"training\"}}"), "groupId");
            send("PUT", "/v1/groups/" + group + "/configuration/SoracomAir", op,
                    "[{\"key\":\"useCustomDns\",\"value\":true},{\"key\":\"dnsServers\",\"value\":[\"8.8.8.8\"]}]");
            send("POST", "/v1/subscribers/" + imsis.get(0) + "/set_group", op, "{\"groupId\":\"" + group + "\"}");
            send("POST", "/v1/subscribers/" + imsis.get(1) + "/activate", op, null);
            send("POST", "/v1/subscribers/" + imsis.get(1) + "/update_speed_class", op, "{\"speedClass\":\"s1.fast\"}");
            send("GET", "/v1/operators/" + op[2], op, null);
            send("GET", "/v1/coupons", op, null);                           // a document domain
            send("GET", "/v1/lagoon/users", op, null);                      // an operation on the fallback
            send("GET", "/v1/subscribers/001019999999999", op, null);       // 404
            send("POST", "/v1/groups", op, "{\"tags\":");                   // 400, a body that is not JSON
            send("GET", "/v1/subscribers", null, null);                     // 401, no credentials
            long start = System.nanoTime();
            Thread second = new Thread(() -> reads(op, imsis, start), "training-reads");
            second.start();
            reads(op, imsis, start);
            second.join();
            log.info("training run: {} requests in {} ms", requests.get(), (System.nanoTime() - started) / 1_000_000);
        }

        private boolean loading(long start, int fromRequests) {
            long elapsed = System.nanoTime() - start;
            return elapsed < LOAD.toNanos() || (requests.get() - fromRequests < LOAD_REQUESTS && elapsed < LOAD_CAP.toNanos());
        }

        private void reads(String[] op, List<String> imsis, long start) {
            int i = 0;
            int fromRequests = requests.get();
            try {
                while (loading(start, fromRequests)) {
                    send("GET", "/v1/subscribers", op, null);
                    send("GET", "/v1/sims?limit=5", op, null);
                    send("GET", "/v1/subscribers/" + imsis.get(i++ % imsis.size()), op, null);
                    if (i % 10 == 0) {
                        send("GET", "/v1/groups", op, null);
                        send("PUT", "/v1/subscribers/" + imsis.get(i % imsis.size()) + "/tags", op,
                                "[{\"tagName\":\"n\",\"tagValue\":\"" + i + "\"}]");
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A sandbox sign-up; answers {apiKey, token, operatorId}. */
        private String[] signUp(String email) throws Exception {
            String body = send("POST", "/v1/sandbox/init", null, "{\"email\":\"" + email + "\",\"password\":\"Training-p4ssword!\","
                    + "\"authKeyId\":\"keyId-training\",\"authKey\":\"secret-training\",\"coverageTypes\":[\"jp\"],"
                    + "\"registerPaymentMethod\":true}");
            return new String[] {field(body, "apiKey"), field(body, "token"), field(body, "operatorId")};
        }

        private String send(String method, String path, String[] credentials, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (credentials != null) {
                request.header("X-Soracom-API-Key", credentials[0]).header("X-Soracom-Token", credentials[1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            if (response.statusCode() >= 500) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private String field(String body, String name) {
            JsonNode value = json.readTree(body).get(name);
            if (value == null || !value.isString()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return value.asString();
        }
    }
}
