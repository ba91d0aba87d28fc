package dev.soracommock.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The legacy sign-up of soracom-facts §3.3, as the Ruby and Swift sandbox clients make it: {@code POST /operators},
 * {@code POST /sandbox/operators/token/{email}}, {@code POST /operators/verify}, then {@code POST /auth}.
 */
class LegacySignupTest extends ApiTest {

    private static final String PASSWORD = "Passw0rd-legacy";

    @Autowired
    MockClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response signUp(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/v1/operators");
    }

    private Response signupToken(String email) {
        return api().contentType(ContentType.JSON).body(Map.of("authKeyId", "keyId-prod", "authKey", "secret-prod"))
                .post("/v1/sandbox/operators/token/" + email);
    }

    private Response verify(String token) {
        return api().contentType(ContentType.JSON).body(Map.of("token", token)).post("/v1/operators/verify");
    }

    private Response logIn(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/v1/auth");
    }

    private static void assertError(Response r, int status, String code) {
        r.then().statusCode(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
    }

    @Test
    void signUpGetTheTokenVerifyThenLogIn() {
        String email = uniqueEmail();
        Response created = api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "coverageTypes", List.of("g"))).post("/v1/operators");
        created.then().statusCode(201);
        assertThat(created.asString()).isEmpty();
        assertError(logIn(email, PASSWORD), 401, "AUM0002");

        String token = signupToken(email).then().statusCode(200).extract().path("token");
        assertThat(token).isNotBlank();
        verify(token).then().statusCode(200);

        Response login = logIn(email, PASSWORD);
        login.then().statusCode(200);
        String operatorId = login.path("operatorId");
        Operator op = new Operator(operatorId, login.path("apiKey"), login.path("token"), email, PASSWORD);
        Response me = as(op).get("/v1/operators/" + operatorId);
        me.then().statusCode(200);
        assertThat(me.<String>path("email")).isEqualTo(email);
        assertThat(Jwt.payload(op.token()).getList("operator.coverageTypes", String.class)).containsExactly("g");
        // the token is used up
        assertError(verify(token), 400, "AUM0037");
    }

    @Test
    void theEmailOfAnOperatorIsTakenWhetherVerifiedOrNot() {
        String email = uniqueEmail();
        signUp(email, PASSWORD).then().statusCode(201);
        Response again = signUp(email, PASSWORD);
        assertError(again, 400, "AUM0003");
        assertThat(again.<String>path("message")).isEqualTo("This email is already registered.");
        assertError(signUp(newOperator().email(), PASSWORD), 400, "AUM0003");
        // sandbox init cannot take it either
        assertError(api().contentType(ContentType.JSON).body(Map.of("email", email, "password", "p@ssw0rd",
                "authKeyId", "keyId-prod", "authKey", "secret-prod")).post("/v1/sandbox/init"), 400, "AUM0003");
    }

    @Test
    void theTokenNeedsASignUpFirst() {
        Response r = signupToken(uniqueEmail());
        assertError(r, 400, "SBX1003");
        assertThat(r.<String>path("message")).isEqualTo("Unable to get verified one time token. please create an user at first");
    }

    @Test
    void aPasswordOutsideTheRuleAndAMalformedEmailAreRefusedAndCreateNothing() {
        String email = uniqueEmail();
        for (String weak : List.of("short1A", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere")) {
            Response r = signUp(email, weak);
            assertError(r, 400, "AUM0010");
            assertThat(r.<String>path("message")).isEqualTo("Invalid password format.");
        }
        assertError(signupToken(email), 400, "SBX1003");
        Response malformed = signUp("not-an-email", PASSWORD);
        assertError(malformed, 400, "COM0008");
        assertThat(malformed.<String>path("message")).endsWith("message:not a well-formed email address:email");
        assertError(signUp(email, ""), 400, "COM0008");
        assertError(api().contentType(ContentType.JSON).body(Map.of("email", email)).post("/v1/operators"), 400, "COM0008");
    }

    @Test
    void aWrongTokenIs400AndAnExpiredOne404() {
        assertError(verify("no-such-token"), 400, "AUM0037");
        assertError(verify(""), 400, "AUM0037");

        String email = uniqueEmail();
        signUp(email, PASSWORD).then().statusCode(201);
        String first = signupToken(email).path("token");
        String second = signupToken(email).path("token");
        // a new token replaces the last one
        assertError(verify(first), 400, "AUM0037");

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Response expired = verify(second);
        assertError(expired, 404, "AUM0038");
        assertError(logIn(email, PASSWORD), 401, "AUM0002");

        String fresh = signupToken(email).path("token");
        verify(fresh).then().statusCode(200);
        logIn(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void aVerifiedOperatorGetsATokenThatVerifiesNothing() {
        Operator op = newOperator();
        String token = signupToken(op.email()).then().statusCode(200).extract().path("token");
        assertThat(token).isNotBlank();
        assertError(verify(token), 400, "AUM0037");
        logIn(op.email(), op.password()).then().statusCode(200);
    }

    @Test
    void errorsInJapanese() {
        Response r = api().header("X-Soracom-Lang", "ja").contentType(ContentType.JSON)
                .body(Map.of("token", "no-such-token")).post("/v1/operators/verify");
        assertError(r, 400, "AUM0037");
        assertThat(r.<String>path("message")).isEqualTo("ワンタイムトークンが正しくありません。");
    }
}
