package dev.soracommock.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credential tag through HTTP: create, list, update, delete; secrets never answered; tenant isolation. */
class CredentialApiTest extends ApiTest {

    private Response create(Operator op, String id, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post("/v1/credentials/" + id);
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.<String>path("code")).isEqualTo(code);
    }

    @Test
    void createListUpdateDeleteWithoutEverAnsweringTheSecret() {
        Operator op = newOperator();
        Response created = create(op, "beam-psk", Map.of("type", "psk", "description", "for Beam",
                "credentials", Map.of("key", "topsecret-psk")));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<String>path("credentialsId")).isEqualTo("beam-psk");
        assertThat(created.<String>path("type")).isEqualTo("psk");
        assertThat(created.<String>path("description")).isEqualTo("for Beam");
        assertThat(created.<Map<String, Object>>path("credentials")).isEmpty();
        assertThat(created.asString()).doesNotContain("topsecret");
        create(op, "aws", Map.of("type", "aws-credentials", "credentials",
                Map.of("accessKeyId", "AKIA", "secretAccessKey", "topsecret-aws"))).then().statusCode(201);

        Response list = as(op).get("/v1/credentials");
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("credentialsId", String.class)).containsExactly("aws", "beam-psk");
        assertThat(list.asString()).doesNotContain("topsecret");

        // every type the API answers, not only the four the request's enum used to list
        create(op, "token", Map.of("type", "api-token-credentials", "credentials", Map.of("token", "topsecret-token")))
                .then().statusCode(201);
        create(op, "login", Map.of("type", "username-password-credentials", "credentials",
                Map.of("username", "u", "password", "topsecret-pw"))).then().statusCode(201);
        assertThat(as(op).get("/v1/credentials").jsonPath().getList("type", String.class)).containsExactly(
                "aws-credentials", "psk", "username-password-credentials", "api-token-credentials");
        as(op).delete("/v1/credentials/token").then().statusCode(204);
        as(op).delete("/v1/credentials/login").then().statusCode(204);
        assertError(create(op, "odd", Map.of("type", "no-such-type", "credentials", Map.of())), 400, "COM0008");
        assertError(create(op, "beam-psk", Map.of("type", "psk", "credentials", Map.of("key", "x"))), 400, "MCK0202");
        assertError(create(op, "bad", Map.of("type", "psk", "credentials", Map.of())), 400, "MCK0203");

        Response updated = as(op).contentType(ContentType.JSON).body(Map.of("type", "psk", "description", "rotated",
                "credentials", Map.of("key", "topsecret-2"))).put("/v1/credentials/beam-psk");
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat(updated.<String>path("description")).isEqualTo("rotated");
        assertThat(updated.asString()).doesNotContain("topsecret");
        assertThat(as(op).get("/v1/credentials").<String>path("find { it.credentialsId == 'beam-psk' }.description"))
                .as("the update is stored").isEqualTo("rotated");
        assertError(as(op).contentType(ContentType.JSON).body(Map.of("type", "psk", "credentials", Map.of("key", "k")))
                .put("/v1/credentials/none"), 404, "MCK0201");

        as(op).delete("/v1/credentials/beam-psk").then().statusCode(204);
        assertError(as(op).delete("/v1/credentials/beam-psk"), 404, "MCK0201");
        assertThat(as(op).get("/v1/credentials").jsonPath().getList("credentialsId", String.class)).containsExactly("aws");
    }

    @Test
    void anotherOperatorSeesNoneOfThem() {
        Operator a = newOperator();
        Operator b = newOperator();
        create(a, "shared-name", Map.of("type", "psk", "credentials", Map.of("key", "a-key"))).then().statusCode(201);
        assertThat(as(b).get("/v1/credentials").jsonPath().getList("$")).isEmpty();
        assertError(as(b).delete("/v1/credentials/shared-name"), 404, "MCK0201");
        create(b, "shared-name", Map.of("type", "psk", "credentials", Map.of("key", "b-key"))).then().statusCode(201);
        assertThat(as(a).get("/v1/credentials").jsonPath().getList("credentialsId", String.class))
                .containsExactly("shared-name");
    }
}
