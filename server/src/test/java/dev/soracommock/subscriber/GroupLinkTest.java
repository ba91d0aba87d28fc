package dev.soracommock.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIMs and groups together: set_group checks the group, a group lists its SIMs, deleting it releases them. */
class GroupLinkTest extends SimTestSupport {

    private String createGroup(Operator op, String name) {
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", name))).post("/v1/groups");
        r.then().statusCode(201);
        return r.path("groupId");
    }

    @Test
    void setGroupListsTheSimInTheGroupAndDeletingTheGroupReleasesIt() {
        Operator op = newOperator();
        String group = createGroup(op, "Sensors");
        String a = registeredSim(op);
        String b = registeredSim(op);
        registeredSim(op);
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", group)).post("/v1/subscribers/" + a + "/set_group")
                .then().statusCode(200);
        as(op).contentType(ContentType.JSON).body(Map.of("groupId", group)).post("/v1/sims/" + b + "/set_group")
                .then().statusCode(200);
        assertThat(as(op).get("/v1/subscribers/" + a).<String>path("groupId")).isEqualTo(group);

        Response members = as(op).get("/v1/groups/" + group + "/subscribers");
        members.then().statusCode(200);
        assertThat(members.<List<String>>path("simId")).containsExactlyInAnyOrder(a, b);
        Response page = as(op).queryParam("limit", 1).get("/v1/groups/" + group + "/subscribers");
        assertThat(page.<List<String>>path("simId")).hasSize(1);
        assertThat(page.header("x-soracom-next-key")).isNotBlank();

        as(op).delete("/v1/groups/" + group).then().statusCode(204);
        assertThat(as(op).get("/v1/subscribers/" + a).<String>path("groupId")).isNull();
        assertThat(as(op).get("/v1/sims/" + b).<String>path("groupId")).isNull();
    }

    @Test
    void anotherOperatorsGroupCannotBeSet() {
        Operator op = newOperator();
        Operator other = newOperator();
        String foreign = createGroup(other, "Theirs");
        String sim = registeredSim(op);
        Response r = as(op).contentType(ContentType.JSON).body(Map.of("groupId", foreign)).post("/v1/subscribers/" + sim + "/set_group");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.<String>path("code")).isEqualTo("SEM0501");
        assertThat(as(op).get("/v1/subscribers/" + sim).<String>path("groupId")).isNull();
    }

    @Test
    void registerWithAGroupAndSearchByGroupName() {
        Operator op = newOperator();
        String group = createGroup(op, "Vending Machines");
        NewSim sim = createSandboxSim(op);
        register(op, sim.imsi(), Map.of("registrationSecret", sim.registrationSecret(), "groupId", group)).then().statusCode(200);
        registeredSim(op);
        Response found = as(op).queryParam("group", "vending").get("/v1/query/sims");
        found.then().statusCode(200);
        assertThat(found.<List<String>>path("simId")).containsExactly(sim.imsi());
    }
}
