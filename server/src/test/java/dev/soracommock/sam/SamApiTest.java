package dev.soracommock.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SAM users, roles, permissions, SAM login and switch user, through HTTP. */
class SamApiTest extends ApiTest {

    private static final String ALLOW_GET_OPERATOR = "{\"statements\":[{\"effect\":\"allow\",\"api\":\"Operator:getOperator\"}]}";

    private String users(Operator op) {
        return "/v1/operators/" + op.operatorId() + "/users/";
    }

    private void createUser(Operator op, String name, String password) {
        as(op).contentType(ContentType.JSON).body(Map.of("description", "a user")).post(users(op) + name).then().statusCode(201);
        if (password != null) {
            as(op).contentType(ContentType.JSON).body(Map.of("password", password)).post(users(op) + name + "/password")
                    .then().statusCode(201);
        }
    }

    private void setPermission(Operator op, String name, String permission) {
        as(op).contentType(ContentType.JSON).body(Map.of("permission", permission)).put(users(op) + name + "/permission")
                .then().statusCode(200);
    }

    private Operator loginAsUser(Operator op, String name, String password) {
        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("operatorId", op.operatorId(), "userName", name, "password", password)).post("/v1/auth");
        r.then().statusCode(200);
        assertThat(r.<String>path("userName")).isEqualTo(name);
        return new Operator(r.path("operatorId"), r.path("apiKey"), r.path("token"), null, password);
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void userLifecycle() {
        Operator op = newOperator();
        createUser(op, "alice", null);
        as(op).contentType(ContentType.JSON).body(Map.of()).post(users(op) + "alice").then().statusCode(400);
        Response get = as(op).get(users(op) + "alice");
        get.then().statusCode(200);
        assertThat(get.<String>path("userName")).isEqualTo("alice");
        assertThat(get.<Boolean>path("hasPassword")).isFalse();
        assertThat(get.jsonPath().getLong("createDateTime")).isLessThan(100_000_000_000L);

        as(op).contentType(ContentType.JSON).body(Map.of("description", "changed")).put(users(op) + "alice").then().statusCode(200);
        assertThat(as(op).get(users(op) + "alice").<String>path("description")).isEqualTo("changed");
        createUser(op, "bob", null);
        assertThat(as(op).get("/v1/operators/" + op.operatorId() + "/users").<List<String>>path("userName"))
                .containsExactly("alice", "bob");

        as(op).delete(users(op) + "alice").then().statusCode(204);
        as(op).get(users(op) + "alice").then().statusCode(404);
        as(op).delete(users(op) + "alice").then().statusCode(404);
    }

    @Test
    void invalidUserNameIsRefused() {
        Operator op = newOperator();
        Response r = as(op).contentType(ContentType.JSON).body(Map.of()).post(users(op) + "bad%20name");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.<String>path("code")).isEqualTo("AUM0030");
    }

    @Test
    void passwordRules() {
        Operator op = newOperator();
        createUser(op, "carol", "first-pass");
        assertThat(as(op).get(users(op) + "carol/password").<Boolean>path("hasPassword")).isTrue();
        as(op).contentType(ContentType.JSON).body(Map.of("password", "again")).post(users(op) + "carol/password")
                .then().statusCode(400);
        Response wrong = as(op).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "nope", "newPassword", "second")).put(users(op) + "carol/password");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.<String>path("code")).isEqualTo("AUM0026");
        as(op).contentType(ContentType.JSON).body(Map.of("currentPassword", "first-pass", "newPassword", "second"))
                .put(users(op) + "carol/password").then().statusCode(200);
        loginAsUser(op, "carol", "second");
        api().contentType(ContentType.JSON).body(Map.of("operatorId", op.operatorId(), "userName", "carol", "password", "first-pass"))
                .post("/v1/auth").then().statusCode(401);
        as(op).delete(users(op) + "carol/password").then().statusCode(204);
        assertThat(as(op).get(users(op) + "carol/password").<Boolean>path("hasPassword")).isFalse();
        api().contentType(ContentType.JSON).body(Map.of("operatorId", op.operatorId(), "userName", "carol", "password", "second"))
                .post("/v1/auth").then().statusCode(401);
    }

    @Test
    void samLoginTokenNamesTheUserAndAuthKeysWork() {
        Operator op = newOperator();
        createUser(op, "dave", "dave-pass");
        Operator dave = loginAsUser(op, "dave", "dave-pass");
        assertThat(payload(dave.token())).contains("\"userName\":\"dave\"").contains(op.operatorId());

        Response key = as(op).post(users(op) + "dave/auth_keys");
        key.then().statusCode(200);
        String keyId = key.path("authKeyId");
        assertThat(keyId).startsWith("keyId-");
        Response byKey = api().contentType(ContentType.JSON).body(Map.of("authKeyId", keyId, "authKey", key.path("authKey")))
                .post("/v1/auth");
        byKey.then().statusCode(200);
        assertThat(byKey.<String>path("userName")).isEqualTo("dave");
        assertThat(as(op).get(users(op) + "dave/auth_keys").<List<String>>path("authKeyId")).containsExactly(keyId);
        as(op).get(users(op) + "dave/auth_keys/" + keyId).then().statusCode(200);
        as(op).delete(users(op) + "dave/auth_keys/" + keyId).then().statusCode(204);
        as(op).get(users(op) + "dave/auth_keys/" + keyId).then().statusCode(404);
    }

    @Test
    void permissionsAreEnforcedDenyByDefault() {
        Operator op = newOperator();
        createUser(op, "erin", "erin-pass");
        Operator erin = loginAsUser(op, "erin", "erin-pass");
        Response refused = as(erin).get("/v1/operators/" + op.operatorId());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.<String>path("code")).isEqualTo("AUM0020");
        assertThat(refused.<String>path("message")).contains("Operator:getOperator");

        setPermission(op, "erin", ALLOW_GET_OPERATOR);
        as(erin).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
        as(erin).get("/v1/operators/" + op.operatorId() + "/auth_keys").then().statusCode(403);
    }

    @Test
    void wildcardsAndDenyWins() {
        Operator op = newOperator();
        createUser(op, "frank", "frank-pass");
        setPermission(op, "frank", "{\"statements\":[{\"effect\":\"allow\",\"api\":\"Operator:*\"},"
                + "{\"effect\":\"deny\",\"api\":[\"Operator:listOperatorAuthKeys\"]}]}");
        Operator frank = loginAsUser(op, "frank", "frank-pass");
        as(frank).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
        as(frank).get("/v1/operators/" + op.operatorId() + "/auth_keys").then().statusCode(403);

        Response explain = api().queryParam("operationId", "listOperatorAuthKeys")
                .get("/_mock/operators/" + op.operatorId() + "/users/frank/explain");
        explain.then().statusCode(200);
        assertThat(explain.<Boolean>path("allowed")).isFalse();
        assertThat(explain.<Integer>path("statementIndex")).isEqualTo(1);
        assertThat(explain.<String>path("source")).isEqualTo("user:frank");
        Response allowed = api().queryParam("api", "Operator:getOperator").get("/_mock/operators/" + op.operatorId() + "/users/frank/explain");
        assertThat(allowed.<Boolean>path("allowed")).isTrue();
        assertThat(allowed.<Integer>path("statementIndex")).isEqualTo(0);
        Response none = api().queryParam("api", "Subscriber:listSubscribers").get("/_mock/operators/" + op.operatorId() + "/users/frank/explain");
        assertThat(none.<Boolean>path("allowed")).isFalse();
        assertThat(none.<String>path("source")).isNull();
    }

    @Test
    void rolesGrantPermissionsAndCanBeManaged() {
        Operator op = newOperator();
        String roles = "/v1/operators/" + op.operatorId() + "/roles/";
        Response bad = as(op).contentType(ContentType.JSON).body(Map.of("permission", "{\"nope\":1}")).post(roles + "reader");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.<String>path("code")).isEqualTo("AUM0021");
        Response created = as(op).contentType(ContentType.JSON).body(Map.of("permission", ALLOW_GET_OPERATOR, "description", "reads"))
                .post(roles + "reader");
        created.then().statusCode(200);
        assertThat(created.<String>path("roleId")).isEqualTo("reader");
        assertThat(as(op).get(roles + "reader").<String>path("permission")).isEqualTo(ALLOW_GET_OPERATOR);
        assertThat(as(op).get("/v1/operators/" + op.operatorId() + "/roles").<List<String>>path("roleId")).containsExactly("reader");

        createUser(op, "gina", "gina-pass");
        Operator gina = loginAsUser(op, "gina", "gina-pass");
        as(gina).get("/v1/operators/" + op.operatorId()).then().statusCode(403);
        as(op).contentType(ContentType.JSON).body(Map.of("roleId", "srn:soracom:::Role:reader")).post(users(op) + "gina/roles")
                .then().statusCode(200);
        as(gina).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
        assertThat(as(op).get(users(op) + "gina/roles").<List<String>>path("roleId")).containsExactly("reader");
        assertThat(as(op).get(roles + "reader/users").<List<String>>path("userName")).containsExactly("gina");
        Response explain = api().queryParam("operationId", "getOperator").get("/_mock/operators/" + op.operatorId() + "/users/gina/explain");
        assertThat(explain.<String>path("source")).isEqualTo("srn:soracom:::Role:reader");

        as(op).delete(users(op) + "gina/roles/reader").then().statusCode(200);
        as(gina).get("/v1/operators/" + op.operatorId()).then().statusCode(403);
        as(op).delete(users(op) + "gina/roles/reader").then().statusCode(404);
        as(op).delete(roles + "reader").then().statusCode(204);
        as(op).get(roles + "reader").then().statusCode(404);
    }

    @Test
    void defaultPermissionsApplyToEveryUser() {
        Operator op = newOperator();
        createUser(op, "hank", "hank-pass");
        Operator hank = loginAsUser(op, "hank", "hank-pass");
        as(op).contentType(ContentType.JSON).body(Map.of("permissions", ALLOW_GET_OPERATOR))
                .put("/v1/operators/" + op.operatorId() + "/users/default_permissions").then().statusCode(202);
        as(hank).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
        as(op).delete("/v1/operators/" + op.operatorId() + "/users/default_permissions").then().statusCode(204);
        as(hank).get("/v1/operators/" + op.operatorId()).then().statusCode(403);
    }

    @Test
    void switchUserFollowsTheTrustPolicy() {
        Operator op = newOperator();
        createUser(op, "ivan", null);
        Response untrusted = as(op).contentType(ContentType.JSON).body(Map.of("userName", "ivan")).post("/v1/auth/switch_user");
        assertThat(untrusted.statusCode()).isEqualTo(403);
        assertThat(untrusted.<String>path("code")).isEqualTo("AUM0029");

        String policy = "{\"statements\":[{\"effect\":\"allow\",\"principal\":{\"soracom\":[\"srn:soracom:" + op.operatorId()
                + "::Operator:" + op.operatorId() + "\"]}}]}";
        as(op).contentType(ContentType.JSON).body(Map.of("trustPolicy", policy)).put(users(op) + "ivan/trust_policy").then().statusCode(204);
        assertThat(as(op).get(users(op) + "ivan/trust_policy").<String>path("trustPolicy")).isEqualTo(policy);
        as(op).contentType(ContentType.JSON).body(Map.of("userName", "ivan", "tokenTimeoutSeconds", 179)).post("/v1/auth/switch_user")
                .then().statusCode(400);
        as(op).contentType(ContentType.JSON).body(Map.of("userName", "ivan", "tokenTimeoutSeconds", 3601)).post("/v1/auth/switch_user")
                .then().statusCode(400);
        Response switched = as(op).contentType(ContentType.JSON).body(Map.of("operatorId", op.operatorId(), "userName", "ivan"))
                .post("/v1/auth/switch_user");
        switched.then().statusCode(200);
        assertThat(switched.<String>path("userName")).isEqualTo("ivan");
        assertThat(payload(switched.path("token"))).contains("\"userName\":\"ivan\"");
        long ttl = Long.parseLong(payload(switched.path("token")).replaceAll(".*\"exp\":(\\d+).*", "$1"))
                - Long.parseLong(payload(switched.path("token")).replaceAll(".*\"iat\":(\\d+).*", "$1"));
        assertThat(ttl).isEqualTo(3600);
    }

    @Test
    void revokingAUsersTokensLogsItOut() {
        Operator op = newOperator();
        createUser(op, "judy", "judy-pass");
        setPermission(op, "judy", ALLOW_GET_OPERATOR);
        Operator judy = loginAsUser(op, "judy", "judy-pass");
        as(judy).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
        as(op).delete(users(op) + "judy/tokens").then().statusCode(204);
        Response r = as(judy).get("/v1/operators/" + op.operatorId());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.<String>path("code")).isEqualTo("AUM0008");
        as(op).get("/v1/operators/" + op.operatorId()).then().statusCode(200);
    }

    @Test
    void changesToUsersAndRolesAreKeptAndListedWithEveryUsersRoles() {
        Operator op = newOperator();
        String roles = "/v1/operators/" + op.operatorId() + "/roles/";
        String other = "{\"statements\":[{\"effect\":\"allow\",\"api\":\"Group:listGroups\"}]}";
        for (String role : List.of("reader", "writer", "auditor")) {
            as(op).contentType(ContentType.JSON).body(Map.of("permission", ALLOW_GET_OPERATOR, "description", role))
                    .post(roles + role).then().statusCode(200);
        }
        createUser(op, "lena", null);
        createUser(op, "mike", null);
        for (String[] attach : new String[][] {{"lena", "reader"}, {"lena", "writer"}, {"mike", "writer"}, {"mike", "auditor"}}) {
            as(op).contentType(ContentType.JSON).body(Map.of("roleId", attach[1])).post(users(op) + attach[0] + "/roles")
                    .then().statusCode(200);
        }
        as(op).contentType(ContentType.JSON).body(Map.of("permission", other, "description", "writes"))
                .put(roles + "writer").then().statusCode(200);
        assertThat(as(op).get(roles + "writer").<String>path("permission")).isEqualTo(other);
        assertThat(as(op).get(roles + "writer").<String>path("description")).isEqualTo("writes");

        Response listed = as(op).get("/v1/operators/" + op.operatorId() + "/users");
        assertThat(listed.<List<String>>path("userName")).containsExactly("lena", "mike");
        assertThat(listed.<List<String>>path("[0].roleList.roleId")).containsExactly("reader", "writer");
        assertThat(listed.<List<String>>path("[1].roleList.roleId")).containsExactly("auditor", "writer");
        assertThat(as(op).get(roles + "writer/users").<List<String>>path("userName")).containsExactly("lena", "mike");

        as(op).delete(roles + "writer").then().statusCode(204);
        assertThat(as(op).get(users(op) + "lena/roles").<List<String>>path("roleId")).containsExactly("reader");
        assertThat(as(op).get(users(op) + "mike/roles").<List<String>>path("roleId")).containsExactly("auditor");

        setPermission(op, "lena", ALLOW_GET_OPERATOR);
        assertThat(as(op).get(users(op) + "lena/permission").<String>path("permission")).isEqualTo(ALLOW_GET_OPERATOR);
        as(op).delete(users(op) + "lena/permission").then().statusCode(204);
        assertThat(as(op).get(users(op) + "lena/permission").<String>path("permission")).isEmpty();
        assertThat(as(op).get(users(op) + "lena").<String>path("description")).isEqualTo("a user");
        as(op).delete(users(op) + "lena").then().statusCode(204);
        assertThat(as(op).get(roles + "reader/users").<List<String>>path("userName")).isEmpty();
    }

    @Test
    void anotherOperatorsUsersAreNotVisible() {
        Operator a = newOperator();
        Operator b = newOperator();
        createUser(a, "kate", null);
        as(b).get("/v1/operators/" + a.operatorId() + "/users/kate").then().statusCode(400);
        as(b).get(users(b) + "kate").then().statusCode(404);
    }
}
