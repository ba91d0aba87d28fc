package dev.soracommock.support;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the black-box tests: the whole server on a random port, called over HTTP with RestAssured, every 2xx
 * answer checked against its contract ({@link ContractCheckFilter}, on the server side). All test classes share one server
 * (same configuration → Spring's context cache); tests isolate themselves by creating their own sandbox operator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    private static final AtomicInteger EMAILS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    protected RequestSpecification anonymous;

    /** The port of the shared server the class's tests used (for {@link #forgetTheClassesState()}). */
    private static volatile int lastPort;

    @BeforeEach
    void baseSpec() {
        lastPort = port;
        anonymous = new RequestSpecBuilder().setBaseUri("http://localhost").setPort(port).build();
    }

    /**
     * After each test class, the shared server forgets every operator, SIM and row the class made
     * ({@code POST /_mock/reset}): every class sets up what it needs itself, and the in-memory database of a server that
     * serves the whole suite would otherwise grow with every class (the suite runs in a 128 MB heap).
     */
    @AfterAll
    static void forgetTheClassesState() {
        if (lastPort != 0) {
            given().baseUri("http://localhost").port(lastPort).post("/_mock/reset").then().statusCode(200);
            lastPort = 0;
        }
    }

    /** A request with no credentials. */
    protected RequestSpecification api() {
        return given(anonymous);
    }

    /** A request with the operator's API key and token. */
    protected RequestSpecification as(Operator op) {
        return given(anonymous).header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token());
    }

    /**
     * Sends a request built from the contract ({@link OperationRequests}) as it is: its headers, its path and query as
     * encoded (no re-encoding), its body bytes; a redirect is answered, not followed.
     */
    protected Response send(ContractRequest request) {
        RequestSpecification spec = api().urlEncodingEnabled(false).redirects().follow(false);
        request.headers().forEach(spec::header);
        request.query().forEach(spec::queryParam);
        if (request.contentType() != null) {
            spec.contentType(request.contentType()).body(request.body());
        }
        return spec.request(request.method(), request.path());
    }

    /** A fresh e-mail address, unique within this JVM. */
    protected static String uniqueEmail() {
        return "user" + EMAILS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    /** Signs up a new sandbox operator (POST /v1/sandbox/init) and returns its credentials. */
    protected Operator newOperator() {
        return newOperator(true);
    }

    /** Signs up a new sandbox operator, with or without sandbox init's dummy payment method. */
    protected Operator newOperator(boolean registerPaymentMethod) {
        String email = uniqueEmail();
        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "p@ssw0rd", "authKeyId", "keyId-test", "authKey", "secret-test",
                        "coverageTypes", java.util.List.of("jp"), "registerPaymentMethod", registerPaymentMethod))
                .post("/v1/sandbox/init");
        r.then().statusCode(201);
        return new Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), email, "p@ssw0rd");
    }

    /** A sandbox SIM created (POST /v1/sandbox/subscribers/create) and registered to the operator; its IMSI (= SIM ID). */
    protected String registeredSim(Operator op) {
        Response created = as(op).contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
        created.then().statusCode(200);
        String imsi = created.path("imsi");
        as(op).contentType(ContentType.JSON).body(Map.of("registrationSecret", (String) created.path("registrationSecret")))
                .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
        return imsi;
    }

    /** An active, online SIM of the operator in a group with this configuration; its IMSI (= SIM ID). */
    protected String simInGroup(Operator op, Map<String, Object> configuration) {
        String imsi = registeredSim(op);
        as(op).post("/v1/subscribers/" + imsi + "/activate").then().statusCode(200);
        Response g = as(op).contentType(ContentType.JSON).body(Map.of("configuration", configuration)).post("/v1/groups");
        g.then().statusCode(201);
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", g.path("groupId")))
                .post("/v1/sims/" + imsi + "/set_group").then().statusCode(200);
        api().contentType(ContentType.JSON).body(Map.of("online", true)).post("/_mock/sims/" + imsi + "/session")
                .then().statusCode(200);
        return imsi;
    }

    /** Credentials of one operator. */
    public record Operator(String operatorId, String apiKey, String token, String email, String password) {
    }
}
