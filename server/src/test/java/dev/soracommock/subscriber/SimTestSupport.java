package dev.soracommock.subscriber;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** Helpers of the SIM tests: sandbox SIMs created and registered over HTTP. */
abstract class SimTestSupport extends ApiTest {

    /** A sandbox SIM as created: IMSI (= SIM ID) and registration secret. */
    record NewSim(String imsi, String registrationSecret) {
    }

    NewSim createSandboxSim(Operator op) {
        return createSandboxSim(op, Map.of());
    }

    NewSim createSandboxSim(Operator op, Map<String, ?> body) {
        Response r = as(op).contentType(ContentType.JSON).body(body).post("/v1/sandbox/subscribers/create");
        r.then().statusCode(200);
        return new NewSim(r.path("imsi"), r.path("registrationSecret"));
    }

    Response register(Operator op, NewSim sim) {
        return register(op, sim.imsi(), Map.of("registrationSecret", sim.registrationSecret()));
    }

    /** POST /subscribers/{imsi}/register (200, as the sandbox answers; validated as the contract's 201). */
    Response register(Operator op, String imsi, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/subscribers/" + imsi + "/register");
    }

    Response device(String simId, Map<String, ?> body) {
        return api().contentType(ContentType.JSON).body(body).post("/_mock/sims/" + simId + "/session");
    }
}
