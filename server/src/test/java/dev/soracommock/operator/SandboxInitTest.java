package dev.soracommock.operator;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /sandbox/init} and the other sandbox operator operations, as soracom-cli and the SDKs use them. */
class SandboxInitTest extends ApiTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private Response init(Map<String, ?> body) {
        return api().contentType(ContentType.JSON).body(body).post("/v1/sandbox/init");
    }

    private static Map<String, Object> validInitBody(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", "p@ssw0rd");
        body.put("authKeyId", "keyId-prod");
        body.put("authKey", "secret-prod");
        body.put("coverageTypes", List.of("jp"));
        body.put("registerPaymentMethod", true);
        return body;
    }

    private Response login(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/v1/auth");
    }

    @Test
    void initAnswers201WithApiKeyOperatorIdAndAJwtNamingTheOperator() {
        Response r = init(validInitBody(uniqueEmail()));

        r.then().statusCode(201).contentType(ContentType.JSON);
        Map<String, Object> body = r.jsonPath().getMap("$");
        // a root login has no user name: left out, not null (the contract declares a string; issue 14)
        assertThat(body).containsKeys("apiKey", "operatorId", "token").doesNotContainKey("userName");
        String operatorId = r.path("operatorId");
        assertThat(operatorId).matches("OP\\d{10}");
        assertThat((String) r.path("apiKey")).matches("api-" + UUID);

        String token = r.path("token");
        JsonPath payload = Jwt.payload(token);
        assertThat(payload.getString("operator.operatorId")).isEqualTo(operatorId);
        long iat = payload.getLong("iat");
        long exp = payload.getLong("exp");
        assertThat(iat).as("iat in epoch seconds").isBetween(1_500_000_000L, 10_000_000_000L);
        assertThat(exp - iat).as("default token lifetime (s)").isEqualTo(86_400);
    }

    @Test
    void twoSignUpsGetDistinctOperatorsAndKeys() {
        Response a = init(validInitBody(uniqueEmail()));
        Response b = init(validInitBody(uniqueEmail()));

        a.then().statusCode(201);
        b.then().statusCode(201);
        assertThat((String) a.path("operatorId")).isNotEqualTo(b.path("operatorId"));
        assertThat((String) a.path("apiKey")).isNotEqualTo(b.path("apiKey"));
    }

    @Test
    void theInitialCredentialsWorkOnProtectedOperations() {
        Operator op = newOperator();

        as(op).get("/v1/operators/" + op.operatorId())
                .then().statusCode(200);
    }

    @Test
    void soracomCliConfigureSandboxBodyIsAcceptedAndTheOperatorCanThenLogIn() {
        String email = uniqueEmail();
        // byte for byte what `soracom configure-sandbox` sends without --coverage-type (soracom-facts §1.5)
        String cliBody = "{\"authKey\":\"secret-prod\",\"authKeyId\":\"keyId-prod\",\"coverageTypes\":[\"\"],"
                + "\"email\":\"" + email + "\",\"password\":\"Passw0rd!\",\"registerPaymentMethod\":true}";

        Response r = api().contentType(ContentType.JSON).header("User-Agent", "soracom-cli/0.0.0")
                .header("X-Soracom-Lang", "en").body(cliBody).post("/v1/sandbox/init");

        r.then().statusCode(201);
        String operatorId = r.path("operatorId");
        assertThat((String) r.path("apiKey")).isNotBlank();
        // no coverage type given: the operator is a Japan-coverage one
        assertThat(Jwt.payload(r.path("token")).getList("operator.coverageTypes", String.class)).containsExactly("jp");

        // every later `soracom --profile sandbox …` command logs in with the saved email and password
        Response auth = login(email, "Passw0rd!");
        auth.then().statusCode(200);
        assertThat((String) auth.path("operatorId")).isEqualTo(operatorId);
        assertThat(Jwt.payload(auth.path("token")).getString("operator.operatorId")).isEqualTo(operatorId);
    }

    @Test
    void theSameEmailCannotSignUpTwice() {
        String email = uniqueEmail();
        init(validInitBody(email)).then().statusCode(201);

        assertError(init(validInitBody(email)), 400, "AUM0003");
    }

    @Test
    void aMissingAuthKeyIdIsAConstraintViolation() {
        Map<String, Object> body = validInitBody(uniqueEmail());
        body.remove("authKeyId");

        String message = assertError(init(body), 400, "COM0008");
        assertThat(message).contains("authKeyId");
    }

    @Test
    void anEmptyAuthKeyIsRefusedAsBadProductionCredentials() {
        Map<String, Object> body = validInitBody(uniqueEmail());
        body.put("authKey", "");

        assertError(init(body), 400, "SBX1002");
    }

    @Test
    void anEmptyAuthKeyIdIsRefusedAsBadProductionCredentials() {
        Map<String, Object> body = validInitBody(uniqueEmail());
        body.put("authKeyId", "");

        assertError(init(body), 400, "SBX1002");
    }

    @Test
    void aRefusedSignUpCreatesNoOperator() {
        String email = uniqueEmail();
        Map<String, Object> body = validInitBody(email);
        body.put("authKey", "");
        init(body).then().statusCode(400);

        // nothing was created: the same email can sign up now, and could not log in before
        assertError(login(email, "p@ssw0rd"), 401, "AUM0002");
        init(validInitBody(email)).then().statusCode(201);
    }

    @Test
    void aMalformedEmailIsAConstraintViolation() {
        Map<String, Object> body = validInitBody("not-an-email");

        String message = assertError(init(body), 400, "COM0008");
        assertThat(message).contains("email");
    }

    @Test
    void deletingTheOperatorInvalidatesItsTokenAndLogin() {
        Operator op = newOperator();

        as(op).delete("/v1/sandbox/operators/" + op.operatorId())
                .then().statusCode(200);

        Response afterwards = as(op).get("/v1/operators/" + op.operatorId());
        assertThat(afterwards.statusCode()).as(afterwards.asString()).isEqualTo(401);
        assertThat((String) afterwards.path("code")).startsWith("AUM");
        assertError(login(op.email(), op.password()), 401, "AUM0002");
    }

    @Test
    void deletingAnUnknownOperatorIsRefused() {
        Operator op = newOperator();

        Response r = as(op).delete("/v1/sandbox/operators/OP9999999999");

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat((String) r.path("code")).isNotBlank();
        // and the caller's own operator is still there
        as(op).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void deletingAnotherOperatorIsRefusedAndLeavesItIntact() {
        Operator op = newOperator();
        Operator other = newOperator();

        Response r = as(op).delete("/v1/sandbox/operators/" + other.operatorId());

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        as(other).get("/v1/operators/" + other.operatorId()).then().statusCode(200);
        login(other.email(), other.password()).then().statusCode(200);
    }

    @Test
    void aSignupTokenIsIssuedForARegisteredEmail() {
        Operator op = newOperator();

        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("authKeyId", "keyId-prod", "authKey", "secret-prod"))
                .post("/v1/sandbox/operators/token/" + op.email());

        r.then().statusCode(200);
        assertThat((String) r.path("token")).isNotBlank();
    }

    @Test
    void noSignupTokenForAnUnknownEmail() {
        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("authKeyId", "keyId-prod", "authKey", "secret-prod"))
                .post("/v1/sandbox/operators/token/" + uniqueEmail());

        assertError(r, 400, "SBX1003");
    }
}
