package dev.soracommock.state;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soracommock.SoracomMockApplication;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code SORACOM_MOCK_SEED_DIR}: servers started on their own H2 databases. A state exported from one server (plus a
 * hand-written file adding a group) seeds another; the seeded data is read through HTTP; a database that holds state
 * already is not seeded again; an invalid seed file stops the start-up naming the file.
 */
@Tag("own-emulator") // starts emulators of its own: run in a JVM of its own (pom.xml, surefire)
class SeedDirectoryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** A server of its own on its own in-memory database (arguments: they win over application.yaml). */
    private static ConfigurableApplicationContext start(String database, Path seedDir) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"));
        if (seedDir != null) {
            args.add("--soracom-mock.seed-dir=" + seedDir);
        }
        return new SpringApplicationBuilder(SoracomMockApplication.class).run(args.toArray(String[]::new));
    }

    private static RequestSpecification api(ConfigurableApplicationContext app) {
        return given().baseUri("http://localhost").port(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static Response login(ConfigurableApplicationContext app, String email, String password) {
        return api(app).contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/v1/auth");
    }

    private static RequestSpecification as(ConfigurableApplicationContext app, Response login) {
        return api(app).header("X-Soracom-API-Key", login.<String>path("apiKey")).header("X-Soracom-Token", login.<String>path("token"));
    }

    @Test
    void aServerStartsWithTheStateOfTheSeedFiles() throws IOException {
        String email = "seeded-" + System.nanoTime() + "@example.com";
        String source;
        String imsi;
        String operatorId;
        int version;
        try (ConfigurableApplicationContext first = start("seed-source-" + System.nanoTime(), null)) {
            Response init = api(first).contentType(ContentType.JSON).body(Map.of("email", email, "password", "p@ssw0rd",
                    "authKeyId", "keyId-x", "authKey", "secret-x")).post("/v1/sandbox/init");
            init.then().statusCode(201);
            operatorId = init.path("operatorId");
            RequestSpecification op = api(first).header("X-Soracom-API-Key", init.<String>path("apiKey"))
                    .header("X-Soracom-Token", init.<String>path("token"));
            Response sim = op.contentType(ContentType.JSON).body(Map.of()).post("/v1/sandbox/subscribers/create");
            imsi = sim.path("imsi");
            api(first).header("X-Soracom-API-Key", init.<String>path("apiKey")).header("X-Soracom-Token", init.<String>path("token"))
                    .contentType(ContentType.JSON).body(Map.of("registrationSecret", sim.path("registrationSecret")))
                    .post("/v1/subscribers/" + imsi + "/register").then().statusCode(200);
            Response export = api(first).get("/_mock/state");
            export.then().statusCode(200);
            source = export.asString();
            version = export.path("version");
        }
        Files.writeString(dir.resolve("10-export.json"), source, StandardCharsets.UTF_8);
        // a hand-written file: only the columns that have no default, rows added to those of the first file
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("format", "soracom-mock-state");
        extra.put("version", version);
        extra.put("tables", Map.of(
                "sim_group", List.of(Map.of("group_id", "11111111-2222-4333-8444-555555555555", "operator_id", operatorId,
                        "configuration", "{}", "created_at", 1_700_000_000_000L, "last_modified_at", 1_700_000_000_000L)),
                "sim_group_tag", List.of(Map.of("group_id", "11111111-2222-4333-8444-555555555555", "tag_name", "name",
                        "tag_value", "seeded"))));
        Files.writeString(dir.resolve("20-group.json"), JSON.writeValueAsString(extra), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ignored.txt"), "not a state document", StandardCharsets.UTF_8);

        String database = "seeded-" + System.nanoTime();
        try (ConfigurableApplicationContext seeded = start(database, dir)) {
            Response login = login(seeded, email, "p@ssw0rd");
            login.then().statusCode(200);
            assertThat(login.<String>path("operatorId")).isEqualTo(operatorId);
            assertThat(as(seeded, login).get("/v1/subscribers").<List<String>>path("imsi")).containsExactly(imsi);
            Response groups = as(seeded, login).get("/v1/groups");
            assertThat(groups.<List<String>>path("tags.name")).as(groups.asString()).containsExactly("seeded");
            // the default operator is there too
            login(seeded, "operator@soracom-mock.test", "soracom-mock-password").then().statusCode(200);
            // the seeded state changes like any other
            api(seeded).post("/_mock/operators/" + operatorId + "/reset").then().statusCode(200);
        }
        // the same database again (as a persistent data directory would be): not seeded a second time
        try (ConfigurableApplicationContext again = start(database, dir)) {
            Response login = login(again, email, "p@ssw0rd");
            login.then().statusCode(200);
            assertThat(as(again, login).get("/v1/subscribers").<List<?>>path("$")).isEmpty();
            assertThat(as(again, login).get("/v1/groups").<List<?>>path("$")).isEmpty();
        }
    }

    @Test
    void anInvalidSeedFileStopsTheStartUpNamingIt() throws IOException {
        Files.writeString(dir.resolve("01-bad.json"), "{\"format\":\"soracom-mock-state\",\"version\":1,\"tables\":{}}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> start("bad-seed-" + System.nanoTime(), dir).close())
                .hasStackTraceContaining("01-bad.json")
                .hasStackTraceContaining("version 1 is not this emulator's schema version");
    }

    @Test
    void aSeedFileWithAWrongRowStopsTheStartUpNamingTheFileAndTheColumn() throws IOException {
        int version;
        try (ConfigurableApplicationContext first = start("seed-version-" + System.nanoTime(), null)) {
            version = api(first).get("/_mock/state").path("version");
        }
        Files.writeString(dir.resolve("01-good.json"), "{\"format\":\"soracom-mock-state\",\"version\":" + version
                + ",\"tables\":{}}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("02-wrong.json"), "{\"format\":\"soracom-mock-state\",\"version\":" + version
                + ",\"tables\":{\"sim_group\":[{\"group_id\":\"g\",\"created_at\":\"yesterday\"}]}}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> start("wrong-seed-" + System.nanoTime(), dir).close())
                .hasStackTraceContaining("02-wrong.json: tables.sim_group[0].created_at: expected an integer, got \"yesterday\"");
    }
}
