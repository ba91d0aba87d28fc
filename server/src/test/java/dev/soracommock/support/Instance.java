package dev.soracommock.support;

import static io.restassured.RestAssured.given;

import dev.soracommock.SoracomMockApplication;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One emulator instance started by a test itself (not Spring's cached test context): the whole application on a
 * random port with the given properties, stopped by {@link #close()}. For tests about start-up and restarts.
 */
public final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Starts an instance; {@code properties} are passed as command-line arguments ({@code --soracom-mock.data-dir=…}). */
    public static Instance start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("server.port", 0);
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new Instance(new SpringApplicationBuilder(SoracomMockApplication.class).run(args));
    }

    public int port() {
        return port;
    }

    /** A request to this instance (its answers are checked against the contract by {@link ContractCheckFilter}). */
    public RequestSpecification api() {
        return given(new RequestSpecBuilder().setBaseUri("http://localhost").setPort(port).build());
    }

    /** A request with an operator's API key and token. */
    public RequestSpecification as(ApiTest.Operator op) {
        return api().header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token());
    }

    /** POST /v1/sandbox/init with these credentials (201). */
    public ApiTest.Operator signUp(String email, String password) {
        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "authKeyId", "keyId-test", "authKey", "secret-test",
                        "coverageTypes", List.of("jp"), "registerPaymentMethod", true))
                .post("/v1/sandbox/init");
        r.then().statusCode(201);
        return new ApiTest.Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), email, password);
    }

    /** POST /v1/auth with e-mail and password (200). */
    public ApiTest.Operator logIn(String email, String password) {
        Response r = api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/v1/auth");
        r.then().statusCode(200);
        return new ApiTest.Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), email, password);
    }

    /** A sandbox SIM created and registered to {@code op}; answers its IMSI. */
    public String registeredSim(ApiTest.Operator op) {
        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        created.then().statusCode(200);
        String imsi = created.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", (String) created.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        return imsi;
    }

    /** IMSIs of GET /v1/subscribers for {@code op}. */
    public List<String> imsis(ApiTest.Operator op) {
        Response r = as(op).get("/v1/subscribers");
        r.then().statusCode(200);
        return r.jsonPath().getList("imsi", String.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
