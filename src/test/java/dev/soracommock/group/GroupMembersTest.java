package dev.soracommock.group;

import static dev.soracommock.web.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.api.soracom.model.SimDto;
import dev.soracommock.support.ApiTest;
import dev.soracommock.web.Paging;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code GET /groups/{id}/subscribers} with a {@link GroupMembers} bean, as the SIMs domain provides one: the group is
 * checked first, the bean is asked for the caller's operator and the group, and its page is answered with the
 * paging headers. A stand-in bean here, whose skeletal SIMs are not contract-valid: the subscribers calls of this
 * test are therefore not validated against the contract (the SIMs domain's tests validate real SIMs).
 */
class GroupMembersTest extends ApiTest {

    /** What the stand-in was asked. */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class StandIn {
        @Bean
        @Primary
        GroupMembers standInMembers() {
            return (operatorId, groupId, page) -> {
                CALLS.add(operatorId + "/" + groupId);
                List<SimDto> all = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    all.add(new SimDto().simId("sim" + i).groupId(groupId).operatorId(operatorId));
                }
                List<SimDto> after = all.stream()
                        .filter(s -> page.after() == null || s.getSimId().compareTo(page.after()) > 0)
                        .limit(page.fetchSize()).toList();
                return Paging.Page.of(after, page, SimDto::getSimId);
            };
        }
    }

    /** Like {@link #as(Operator)}, without the contract check of the answer (see the class comment). */
    private io.restassured.specification.RequestSpecification unchecked(Operator op) {
        return io.restassured.RestAssured.given().baseUri("http://localhost").port(port)
                .header("X-Soracom-API-Key", op.apiKey()).header("X-Soracom-Token", op.token());
    }

    @Test
    void theSimsOfTheGroupArePagedThroughTheMembersBean() {
        Operator op = newOperator();
        Response created = as(op).contentType(ContentType.JSON).body(Map.of("tags", Map.of("name", "g")))
                .post("/v1/groups");
        String id = created.path("groupId");

        Response first = unchecked(op).queryParam("limit", 2).get("/v1/groups/" + id + "/subscribers");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("simId")).containsExactly("sim1", "sim2");
        assertThat(first.jsonPath().getList("groupId")).containsOnly(id);
        assertThat(first.header("x-soracom-next-key")).isEqualTo("sim2");

        Response second = unchecked(op).queryParam("limit", 2).queryParam("last_evaluated_key", "sim2")
                .get("/v1/groups/" + id + "/subscribers");
        assertThat(second.jsonPath().getList("simId")).containsExactly("sim3");
        assertThat(second.header("x-soracom-next-key")).isNull();
        assertThat(CALLS).contains(op.operatorId() + "/" + id);

        // another operator's group is not asked for
        Operator other = newOperator();
        int calls = CALLS.size();
        assertError(as(other).get("/v1/groups/" + id + "/subscribers"), 404, "SEM0501");
        assertThat(CALLS).hasSize(calls);
    }
}
