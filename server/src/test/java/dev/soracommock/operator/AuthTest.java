package dev.soracommock.operator;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.clock.MockClock;
import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Logging in, the credentials every protected operation needs, tokens and auth keys. */
class AuthTest extends ApiTest {

    private static final String DEFAULT_EMAIL = "operator@soracom-mock.test";
    private static final String DEFAULT_PASSWORD = "soracom-mock-password";
    private static final String DEFAULT_AUTH_KEY_ID = "keyId-soracommockdefaultoperatorkey0000";
    private static final String DEFAULT_AUTH_KEY = "secret-soracommockdefaultoperatorsecret00000000000000000000000000000";

    @Autowired
    MockClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response auth(Map<String, ?> body) {
        return api().contentType(ContentType.JSON).body(body).post("/v1/auth");
    }

    /** A second, independent login (own API key and token) of an existing operator. */
    private Operator login(Operator op) {
        Response r = auth(Map.of("email", op.email(), "password", op.password()));
        r.then().statusCode(200);
        return new Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), op.email(), op.password());
    }

    private RequestSpecification with(String apiKey, String token) {
        return api().header("X-Soracom-API-Key", apiKey).header("X-Soracom-Token", token);
    }

    private Response getOperator(Operator op) {
        return as(op).get("/v1/operators/" + op.operatorId());
    }

    // --- logging in ---

    @Test
    void emailAndPasswordLogIn() {
        Operator op = newOperator();

        Response r = auth(Map.of("email", op.email(), "password", op.password()));

        r.then().statusCode(200).contentType(ContentType.JSON);
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
        assertThat((String) r.path("apiKey")).startsWith("api-").isNotEqualTo(op.apiKey());
        assertThat(Jwt.payload(r.path("token")).getString("operator.operatorId")).isEqualTo(op.operatorId());
        // the new credentials work
        with(r.path("apiKey"), r.path("token")).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void aGeneratedAuthKeyLogsIn() {
        Operator op = newOperator();
        Response key = as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys");
        key.then().statusCode(201);
        String keyId = key.path("authKeyId");
        String secret = key.path("authKey");
        assertThat(keyId).startsWith("keyId-");
        assertThat(secret).startsWith("secret-");

        Response r = auth(Map.of("authKeyId", keyId, "authKey", secret));

        r.then().statusCode(200);
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
        with(r.path("apiKey"), r.path("token")).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Operator op = newOperator();

        assertError(auth(Map.of("email", op.email(), "password", "wrong-" + op.password())), 401, "AUM0002");
    }

    @Test
    void anUnknownEmailIsRefusedLikeAWrongPassword() {
        assertError(auth(Map.of("email", uniqueEmail(), "password", "p@ssw0rd")), 401, "AUM0002");
    }

    /** The real API's bean-validation answers to an e-mail login (soracom-facts §5): 400 COM0008, not 401. */
    @Test
    void anEmptyOrMalformedEmailOrAnEmptyPasswordIsAConstraintViolation() {
        String prefix = "Constraint vaiolation of input value. message:";
        Response both = auth(Map.of());
        assertError(both, 400, "COM0008");
        assertThat(both.<String>path("message")).isEqualTo(prefix + "may not be empty:passwordmay not be empty:email");
        assertThat(auth(Map.of("email", "", "password", "x")).<String>path("message")).isEqualTo(prefix + "may not be empty:email");
        assertThat(auth(Map.of("email", "a@example.com", "password", "")).<String>path("message"))
                .isEqualTo(prefix + "may not be empty:password");
        assertThat(auth(Map.of("email", "bogus", "password", "")).<String>path("message"))
                .isEqualTo(prefix + "may not be empty:passwordnot a well-formed email address:email");
        Response ja = api().header("X-Soracom-Lang", "ja").contentType(ContentType.JSON)
                .body(Map.of("email", "bogus", "password", "x")).post("/v1/auth");
        assertError(ja, 400, "COM0008");
        assertThat(ja.<String>path("message")).isEqualTo("入力値の制約違反です。message:not a well-formed email address:email");
        // an auth-key login is no e-mail login: an empty e-mail beside the key pair is not looked at
        Operator op = newOperator();
        String keyId = as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys").path("authKeyId");
        assertError(auth(Map.of("email", "", "authKeyId", keyId, "authKey", "secret-wrong")), 401, "AUM0002");
    }

    @Test
    void aWrongAuthKeySecretIsRefused() {
        Operator op = newOperator();
        String keyId = as(op).post("/v1/operators/" + op.operatorId() + "/auth_keys").path("authKeyId");

        assertError(auth(Map.of("authKeyId", keyId, "authKey", "secret-wrong")), 401, "AUM0002");
    }

    @Test
    void tokenTimeoutSecondsMustBeBetween180And172800() {
        Operator op = newOperator();
        Map<String, Object> base = Map.of("email", op.email(), "password", op.password());

        for (long outside : new long[] {179, 172_801}) {
            Response r = auth(plus(base, "tokenTimeoutSeconds", outside));
            assertThat(r.statusCode()).as("tokenTimeoutSeconds %d: %s", outside, r.asString()).isEqualTo(400);
            assertThat((String) r.path("code")).as("tokenTimeoutSeconds %d", outside).isNotBlank();
        }
        for (long inside : new long[] {180, 172_800}) {
            Response r = auth(plus(base, "tokenTimeoutSeconds", inside));
            assertThat(r.statusCode()).as("tokenTimeoutSeconds %d: %s", inside, r.asString()).isEqualTo(200);
            var payload = Jwt.payload(r.path("token"));
            assertThat(payload.getLong("exp") - payload.getLong("iat")).isEqualTo(inside);
        }
    }

    @Test
    void goSdkLoginWithExplicitDefaultTimeoutWorks() {
        Operator op = newOperator();

        // the Go SDK always sends tokenTimeoutSeconds 86400 (soracom-facts §1.10)
        auth(Map.of("email", op.email(), "password", op.password(), "tokenTimeoutSeconds", 86_400))
                .then().statusCode(200);
    }

    @Test
    void theDefaultOperatorLogsInWithEmailAndPassword() {
        Response r = auth(Map.of("email", DEFAULT_EMAIL, "password", DEFAULT_PASSWORD));

        r.then().statusCode(200);
        String operatorId = r.path("operatorId");
        assertThat(operatorId).matches("OP\\d{10}");
        Response me = with(r.path("apiKey"), r.path("token")).get("/v1/operators/" + operatorId);
        me.then().statusCode(200);
        assertThat((String) me.path("email")).isEqualTo(DEFAULT_EMAIL);
    }

    @Test
    void theDefaultOperatorLogsInWithItsAuthKey() {
        Response byPassword = auth(Map.of("email", DEFAULT_EMAIL, "password", DEFAULT_PASSWORD));
        Response byKey = auth(Map.of("authKeyId", DEFAULT_AUTH_KEY_ID, "authKey", DEFAULT_AUTH_KEY));

        byKey.then().statusCode(200);
        assertThat((String) byKey.path("operatorId")).isEqualTo(byPassword.path("operatorId"));
    }

    // --- the two headers ---

    @Test
    void bothHeadersAreRequired() {
        Operator op = newOperator();
        String path = "/v1/operators/" + op.operatorId();

        assertError(api().get(path), 401, "AUM0001");
        assertError(api().header("X-Soracom-API-Key", op.apiKey()).get(path), 401, "AUM0001");
        assertError(api().header("X-Soracom-Token", op.token()).get(path), 401, "AUM0001");
        assertError(with("", op.token()).get(path), 401, "AUM0001");
    }

    @Test
    void theApiKeyOfOneLoginWithTheTokenOfAnotherIsRefused() {
        Operator op = newOperator();
        Operator second = login(op);
        Operator other = newOperator();
        String path = "/v1/operators/" + op.operatorId();

        assertError(with(op.apiKey(), second.token()).get(path), 401, "AUM0005");
        assertError(with(second.apiKey(), op.token()).get(path), 401, "AUM0005");
        assertError(with(other.apiKey(), op.token()).get(path), 401, "AUM0005");
    }

    @Test
    void aTokenWithAChangedSignatureIsRefused() {
        Operator op = newOperator();
        String[] parts = Jwt.parts(op.token());
        String signature = parts[2];
        char flipped = signature.charAt(0) == 'A' ? 'B' : 'A';
        String forged = parts[0] + "." + parts[1] + "." + flipped + signature.substring(1);

        assertError(with(op.apiKey(), forged).get("/v1/operators/" + op.operatorId()), 401, "AUM0006");
    }

    @Test
    void aTokenWithATamperedPayloadIsRefused() {
        Operator op = newOperator();
        Operator victim = newOperator();
        String[] parts = Jwt.parts(op.token());
        String payload = Jwt.decode(parts[1]).replace(op.operatorId(), victim.operatorId());
        assertThat(payload).contains(victim.operatorId());
        String tampered = parts[0] + "." + Jwt.encode(payload) + "." + parts[2];

        Response r = with(op.apiKey(), tampered).get("/v1/operators/" + victim.operatorId());

        assertError(r, 401, "AUM0006");
        assertThat(r.asString()).doesNotContain(victim.email());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        Operator op = newOperator();
        String[] parts = Jwt.parts(op.token());
        String none = Jwt.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        assertError(with(op.apiKey(), none).get("/v1/operators/" + op.operatorId()), 401, "AUM0006");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        Operator op = newOperator();
        String[] parts = Jwt.parts(op.token());
        // the same header (algorithm and key ID) and payload, signed (HMAC-SHA256) with a key that is not the server's
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(otherKey, "HmacSHA256"));
        String signature = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String forged = parts[0] + "." + parts[1] + "." + signature;
        assertThat(Jwt.header(forged).getString("alg")).isEqualTo("HS256");

        assertError(with(op.apiKey(), forged).get("/v1/operators/" + op.operatorId()), 401, "AUM0006");
    }

    @Test
    void aTokenExpiresWhenTheClockIsMovedOverHttp() {
        api().contentType(ContentType.JSON).body(Map.of("frozen", true)).put("/_mock/clock").then().statusCode(200);
        Operator op = newOperator();
        Response r = auth(Map.of("email", op.email(), "password", op.password(), "tokenTimeoutSeconds", 180));
        Operator shortLived = new Operator(op.operatorId(), r.path("apiKey"), r.path("token"), op.email(), op.password());
        getOperator(shortLived).then().statusCode(200);

        api().contentType(ContentType.JSON).body(Map.of("seconds", 180)).post("/_mock/clock/advance").then().statusCode(200);

        assertError(getOperator(shortLived), 401, "AUM0007");
        // refreshing needs a valid token too
        assertError(with(shortLived.apiKey(), shortLived.token()).contentType(ContentType.JSON).body("{}")
                .post("/v1/operators/" + op.operatorId() + "/token"), 401, "AUM0007");

        // and a clock set past the sign-up token's 24 hours expires that one as well
        long later = clock.instant().plus(Duration.ofHours(25)).toEpochMilli();
        api().contentType(ContentType.JSON).body(Map.of("now", later)).put("/_mock/clock").then().statusCode(200);
        assertError(getOperator(op), 401, "AUM0007");
    }

    @Test
    void aGarbageTokenIsRefused() {
        Operator op = newOperator();
        String path = "/v1/operators/" + op.operatorId();

        assertError(with(op.apiKey(), "garbage").get(path), 401, "AUM0006");
        assertError(with(op.apiKey(), "a.b.c").get(path), 401, "AUM0006");
    }

    @Test
    void anUnknownApiKeyWithAValidTokenIsRefused() {
        Operator op = newOperator();

        assertError(with("api-00000000-0000-4000-8000-000000000000", op.token()).get("/v1/operators/" + op.operatorId()),
                401, "AUM0009");
    }

    // --- logout, revocation, expiry, refresh ---

    @Test
    void logoutRevokesTheKeyAndToken() {
        Operator op = newOperator();
        Operator second = login(op);

        as(op).post("/v1/auth/logout").then().statusCode(204);

        assertError(getOperator(op), 401, "AUM0008");
        // a revoked token cannot be refreshed either
        assertError(as(op).contentType(ContentType.JSON).body("{}").post("/v1/operators/" + op.operatorId() + "/token"),
                401, "AUM0008");
        // another login of the same operator is unaffected
        getOperator(second).then().statusCode(200);
    }

    @Test
    void revokingAllTokensRevokesEveryLoginOfThatOperatorOnly() {
        Operator op = newOperator();
        Operator second = login(op);
        Operator other = newOperator();

        as(op).delete("/v1/operators/" + op.operatorId() + "/tokens").then().statusCode(204);

        assertError(getOperator(op), 401, "AUM0008");
        assertError(getOperator(second), 401, "AUM0008");
        getOperator(other).then().statusCode(200);
        // logging in again gives working credentials
        getOperator(login(op)).then().statusCode(200);
    }

    @Test
    void aTokenExpiresOnTheEmulatorsClock() {
        clock.freeze(); // no real time passes between the steps below
        Operator op = newOperator();
        Response r = auth(Map.of("email", op.email(), "password", op.password(), "tokenTimeoutSeconds", 180));
        Operator shortLived = new Operator(op.operatorId(), r.path("apiKey"), r.path("token"), op.email(), op.password());
        getOperator(shortLived).then().statusCode(200);

        clock.advance(Duration.ofSeconds(179));
        getOperator(shortLived).then().statusCode(200);

        clock.advance(Duration.ofSeconds(2));
        assertError(getOperator(shortLived), 401, "AUM0007");
        // the sign-up token (24 h) is still valid
        getOperator(op).then().statusCode(200);
    }

    @Test
    void aRefreshedTokenWorksWithTheSameApiKey() {
        Operator op = newOperator();

        Response r = as(op).contentType(ContentType.JSON).body(Map.of("tokenTimeoutSeconds", 600))
                .post("/v1/operators/" + op.operatorId() + "/token");

        r.then().statusCode(200);
        String token = r.path("token");
        assertThat(token).isNotEqualTo(op.token());
        var payload = Jwt.payload(token);
        assertThat(payload.getString("operator.operatorId")).isEqualTo(op.operatorId());
        assertThat(payload.getLong("exp") - payload.getLong("iat")).isEqualTo(600);
        with(op.apiKey(), token).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void aRefreshedTokenOutlivesTheOriginalOne() {
        Operator op = newOperator();
        Response login = auth(Map.of("email", op.email(), "password", op.password(), "tokenTimeoutSeconds", 180));
        String apiKey = login.path("apiKey");
        String refreshed = with(apiKey, login.path("token")).contentType(ContentType.JSON)
                .body(Map.of("tokenTimeoutSeconds", 3600))
                .post("/v1/operators/" + op.operatorId() + "/token").path("token");

        clock.advance(Duration.ofSeconds(600));

        assertError(with(apiKey, login.path("token")).get("/v1/operators/" + op.operatorId()), 401, "AUM0007");
        with(apiKey, refreshed).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void aRefreshExtendsTheStoredSessionOfTheApiKey() {
        Operator op = newOperator();
        Response login = auth(Map.of("email", op.email(), "password", op.password(), "tokenTimeoutSeconds", 180));
        String apiKey = login.path("apiKey");
        String refreshed = with(apiKey, login.path("token")).contentType(ContentType.JSON)
                .body(Map.of("tokenTimeoutSeconds", 3600))
                .post("/v1/operators/" + op.operatorId() + "/token").path("token");

        Response state = api().get("/_mock/state");
        state.then().statusCode(200);
        Number expiresAt = state.path("tables.api_session.find { it.api_key == '" + apiKey + "' }.expires_at");
        assertThat(expiresAt.longValue() / 1000).as("the session expires with the refreshed token")
                .isEqualTo(Jwt.payload(refreshed).getLong("exp"));
    }

    @Test
    void aRefreshWithoutTimeoutGivesADefaultLifetimeToken() {
        Operator op = newOperator();

        Response r = as(op).contentType(ContentType.JSON).body("{}").post("/v1/operators/" + op.operatorId() + "/token");

        r.then().statusCode(200);
        var payload = Jwt.payload(r.path("token"));
        assertThat(payload.getLong("exp") - payload.getLong("iat")).isEqualTo(86_400);
    }

    @Test
    void aRefreshIgnoresTheGoSdksMisnamedTimeoutField() {
        Operator op = newOperator();

        // the Go SDK posts {"timeout_seconds": N}; the sandbox accepts it with the default lifetime (soracom-facts §1.10)
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("timeout_seconds", 0))
                .post("/v1/operators/" + op.operatorId() + "/token");

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        with(op.apiKey(), r.path("token")).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    // --- the operator itself ---

    @Test
    void getOperatorAnswersTheCallersOperator() {
        Operator op = newOperator();

        Response r = getOperator(op);

        r.then().statusCode(200);
        assertThat((String) r.path("operatorId")).isEqualTo(op.operatorId());
        assertThat((String) r.path("email")).isEqualTo(op.email());
    }

    @Test
    void anotherOperatorIsInvisible() {
        Operator op = newOperator();
        Operator other = newOperator();

        Response r = as(op).get("/v1/operators/" + other.operatorId());

        assertError(r, 400, "AUM0016");
        assertThat(r.asString()).doesNotContain(other.email());
        // nor can its auth keys be listed or created
        assertError(as(op).get("/v1/operators/" + other.operatorId() + "/auth_keys"), 400, "AUM0016");
        assertError(as(op).post("/v1/operators/" + other.operatorId() + "/auth_keys"), 400, "AUM0016");
    }

    // --- auth keys ---

    @Test
    void authKeysAreListedWithTimesInSecondsAndCanBeDeletedOnce() {
        Operator op = newOperator();
        String base = "/v1/operators/" + op.operatorId() + "/auth_keys";
        String first = as(op).post(base).path("authKeyId");
        String second = as(op).post(base).path("authKeyId");

        Response list = as(op).get(base);
        list.then().statusCode(200);
        List<String> ids = list.path("authKeyId");
        assertThat(ids).contains(first, second).doesNotHaveDuplicates();
        List<Number> created = list.path("createDateTime");
        long nowSeconds = clock.nowSeconds();
        assertThat(created).allSatisfy(t -> assertThat(t.longValue())
                .as("createDateTime in seconds").isLessThan(100_000_000_000L).isBetween(nowSeconds - 60, nowSeconds));

        as(op).delete(base + "/" + first).then().statusCode(204);
        assertThat((List<String>) as(op).get(base).path("authKeyId")).doesNotContain(first).contains(second);

        Response again = as(op).delete(base + "/" + first);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(404);
        assertThat((String) again.path("code")).isNotBlank();
    }

    @Test
    void aDeletedAuthKeyNoLongerLogsIn() {
        Operator op = newOperator();
        String base = "/v1/operators/" + op.operatorId() + "/auth_keys";
        Response key = as(op).post(base);
        String keyId = key.path("authKeyId");
        String secret = key.path("authKey");

        as(op).delete(base + "/" + keyId).then().statusCode(204);

        assertError(auth(Map.of("authKeyId", keyId, "authKey", secret)), 401, "AUM0002");
    }

    @Test
    void anAuthKeyRecordsItsLastUse() {
        Operator op = newOperator();
        String base = "/v1/operators/" + op.operatorId() + "/auth_keys";
        Response key = as(op).post(base);
        String keyId = key.path("authKeyId");

        auth(Map.of("authKeyId", keyId, "authKey", key.path("authKey"))).then().statusCode(200);

        Number lastUsed = as(op).get(base).path("find { it.authKeyId == '" + keyId + "' }.lastUsedDateTime");
        assertThat(lastUsed).isNotNull();
        assertThat(lastUsed.longValue()).as("lastUsedDateTime in seconds").isLessThan(100_000_000_000L);
    }

    @Test
    void anotherOperatorsAuthKeyCannotBeDeleted() {
        Operator op = newOperator();
        Operator other = newOperator();
        String otherKey = as(other).post("/v1/operators/" + other.operatorId() + "/auth_keys").path("authKeyId");

        Response r = as(op).delete("/v1/operators/" + op.operatorId() + "/auth_keys/" + otherKey);

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(404);
        assertThat((List<String>) as(other).get("/v1/operators/" + other.operatorId() + "/auth_keys").path("authKeyId"))
                .contains(otherKey);
    }

    // --- coverage types ---

    @Test
    void aKnownCoverageTypeCanBeAddedAndAnUnknownOneNot() {
        Operator op = newOperator();

        as(op).post("/v1/operators/" + op.operatorId() + "/coverage_type/g").then().statusCode(201);

        Response bad = as(op).post("/v1/operators/" + op.operatorId() + "/coverage_type/xx");
        assertThat(bad.statusCode()).as(bad.asString()).isEqualTo(400);
        assertThat((String) bad.path("code")).isNotBlank();
    }

    @Test
    void anAddedCoverageTypeAppearsInNewTokens() {
        Operator op = newOperator();
        assertThat(Jwt.payload(op.token()).getList("operator.coverageTypes", String.class)).containsExactly("jp");

        as(op).post("/v1/operators/" + op.operatorId() + "/coverage_type/g").then().statusCode(201);

        assertThat(Jwt.payload(login(op).token()).getList("operator.coverageTypes", String.class))
                .containsExactlyInAnyOrder("jp", "g");
        // and in a token refreshed with the API key used a moment ago
        String refreshed = as(op).contentType(ContentType.JSON).body("{}").post("/v1/operators/" + op.operatorId() + "/token")
                .then().statusCode(200).extract().path("token");
        assertThat(Jwt.payload(refreshed).getList("operator.coverageTypes", String.class)).containsExactlyInAnyOrder("jp", "g");
    }

    private static Map<String, Object> plus(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
