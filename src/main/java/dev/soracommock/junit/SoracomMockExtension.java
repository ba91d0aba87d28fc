package dev.soracommock.junit;

import dev.soracommock.SoracomMockApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JUnit 5 extension: runs soracom-mock in-process and hands each test a fresh sandbox operator.
 * <ul>
 * <li>One emulator for the whole test run, started on the first use (a free port, an in-memory H2 database of its
 * own, so it can run beside another soracom-mock in the same JVM) and stopped when the run ends.</li>
 * <li>Before each test: {@code POST /_mock/reset} (every operator, SIM, fault and journal entry of the previous test
 * is gone, the clock is back to real time), then a new sandbox operator ({@code POST /v1/sandbox/init}) with an auth
 * key of its own, injected as a {@link SoracomMockOperator} parameter of the test or {@code @BeforeEach} method.</li>
 * </ul>
 * The reset makes tests that share the emulator independent, not parallel: run them one at a time.
 * <pre>{@code
 * @ExtendWith(SoracomMockExtension.class)
 * class MyTest {
 *     @Test
 *     void listsSubscribers(SoracomMockOperator op) throws Exception { … op.url("/v1/subscribers") … }
 * }
 * }</pre>
 * JUnit Jupiter is an optional dependency of this artifact: the test scope of the project using it brings it.
 */
public class SoracomMockExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SoracomMockExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Emulator emulator = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Emulator.class, k -> Emulator.start(), Emulator.class);
        context.getStore(NAMESPACE).put(SoracomMockOperator.class, emulator.resetAndSignUp());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SoracomMockOperator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SoracomMockOperator operator = context.getStore(NAMESPACE).get(SoracomMockOperator.class, SoracomMockOperator.class);
        if (operator == null) {
            throw new ParameterResolutionException("a SoracomMockOperator is given to test and @BeforeEach methods only");
        }
        return operator;
    }

    /** The emulator of the test run; closed by JUnit when the root store is. */
    static final class Emulator implements AutoCloseable {

        private static final AtomicInteger OPERATORS = new AtomicInteger();
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final ConfigurableApplicationContext context;
        private final String endpoint;
        private final HttpClient http = HttpClient.newHttpClient();

        private Emulator(ConfigurableApplicationContext context) {
            this.context = context;
            this.endpoint = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        }

        static Emulator start() {
            String database = "soracom-mock-junit-" + UUID.randomUUID();
            SpringApplication app = new SpringApplication(SoracomMockApplication.class);
            // command-line arguments win over the environment (a SERVER_PORT or SPRING_DATASOURCE_URL of the build)
            return new Emulator(app.run(ownConfiguration(), "--server.port=0", "--server.address=127.0.0.1",
                    "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                    "--spring.datasource.username=sa", "--spring.datasource.password=",
                    "--spring.jmx.enabled=false"));
        }

        /**
         * The emulator's own application.yaml, named by where this class was loaded from: the test classpath of the
         * project using the extension may hold an application.yaml of its own, which would otherwise shadow it.
         */
        private static String ownConfiguration() {
            try {
                java.net.URI home = SoracomMockApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI();
                String location = home.getPath().endsWith(".jar") ? "jar:" + home + "!/application.yaml"
                        : home.resolve("application.yaml").toString();
                return "--spring.config.location=" + location;
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return "--spring.config.location=classpath:/application.yaml";
            }
        }

        String endpoint() {
            return endpoint;
        }

        SoracomMockOperator resetAndSignUp() {
            call("POST", "/_mock/reset", null, Map.of(), 200);
            String email = "junit-" + OPERATORS.incrementAndGet() + "@soracom-mock.test";
            String password = "junit-" + UUID.randomUUID();
            JsonNode signedUp = call("POST", "/v1/sandbox/init", Map.of("email", email, "password", password,
                    "authKeyId", "keyId-junit", "authKey", "secret-junit"), Map.of(), 201);
            String operatorId = signedUp.path("operatorId").asString();
            String apiKey = signedUp.path("apiKey").asString();
            String token = signedUp.path("token").asString();
            JsonNode key = call("POST", "/v1/operators/" + operatorId + "/auth_keys", null,
                    Map.of("X-Soracom-API-Key", apiKey, "X-Soracom-Token", token), 201);
            return new SoracomMockOperator(endpoint, operatorId, email, password, key.path("authKeyId").asString(),
                    key.path("authKey").asString(), apiKey, token);
        }

        private JsonNode call(String method, String path, Object body, Map<String, String> headers, int expected) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != expected) {
                    throw new IllegalStateException("soracom-mock answered " + method + " " + path + " with "
                            + response.statusCode() + ": " + response.body());
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("soracom-mock did not answer " + method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted calling soracom-mock", e);
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
