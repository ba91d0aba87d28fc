package dev.soracommock.notification;

import static dev.soracommock.support.SoracomError.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** System notification settings: stored per type, e-mail IDs checked against the operator's addresses. */
class SystemNotificationApiTest extends ApiTest {

    private String base(Operator op) {
        return "/v1/operators/" + op.operatorId() + "/system_notifications";
    }

    private Response set(Operator op, String type, Map<String, ?> body) {
        return as(op).contentType(ContentType.JSON).body(body).post(base(op) + "/" + type);
    }

    @Test
    void primaryIsThereFromTheStartAndOtherTypesOnceSet() {
        Operator op = newOperator();
        Response list = as(op).get(base(op));
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("type", String.class)).containsExactly("primary");
        assertThat(list.jsonPath().getList("[0].emailIdList", String.class)).containsExactly("primary");
        assertError(as(op).get(base(op) + "/billing"), 404, "MCK0901");

        Response billing = set(op, "billing", Map.of("emailIdList", List.of("primary")));
        billing.then().statusCode(200);
        assertThat((String) billing.path("type")).isEqualTo("billing");
        assertThat(billing.jsonPath().getList("emailIdList", String.class)).containsExactly("primary");
        assertThat(billing.jsonPath().getLong("updateDateTime")).isPositive();
        set(op, "support", Map.of("emailIdList", List.of("primary", "primary"))).then().statusCode(200);

        Response got = as(op).get(base(op) + "/billing");
        got.then().statusCode(200);
        assertThat(got.jsonPath().getList("emailIdList", String.class)).containsExactly("primary");
        Response all = as(op).get(base(op));
        assertThat(all.jsonPath().getList("type", String.class)).containsExactly("primary", "billing", "support");
        assertThat(all.jsonPath().getList("[2].emailIdList", String.class)).as("duplicates kept once")
                .containsExactly("primary");

        as(op).delete(base(op) + "/billing").then().statusCode(204);
        assertError(as(op).get(base(op) + "/billing"), 404, "MCK0901");
        assertError(as(op).delete(base(op) + "/billing"), 404, "MCK0901");
        assertThat(as(op).get(base(op)).jsonPath().getList("type", String.class)).containsExactly("primary", "support");
    }

    @Test
    void settingPrimaryTakesThePassword() {
        Operator op = newOperator();
        assertError(set(op, "primary", Map.of("emailIdList", List.of("primary"))), 400, "COM0008");
        assertError(set(op, "primary", Map.of("emailIdList", List.of("primary"), "password", "wrong")), 400, "AUM0026");
        Response ok = set(op, "primary", Map.of("emailIdList", List.of("primary"), "password", op.password()));
        ok.then().statusCode(200);
        assertThat((String) ok.path("type")).isEqualTo("primary");
        assertThat(as(op).get(base(op) + "/primary").jsonPath().getLong("updateDateTime"))
                .isEqualTo(ok.jsonPath().getLong("updateDateTime"));
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Operator op = newOperator();
        assertError(set(op, "recovery", Map.of("emailIdList", List.of("someone-else"))), 400, "MCK0902");
        assertError(set(op, "recovery", Map.of("emailIdList", List.of())), 400, "COM0008");
        assertError(set(op, "recovery", Map.of("password", "x")), 400, "COM0008");
        assertError(set(op, "nightly", Map.of("emailIdList", List.of("primary"))), 400, "COM0008");
        assertError(as(op).get(base(op) + "/nightly"), 400, "COM0008");
        assertError(as(op).delete(base(op) + "/primary"), 400, "COM0008");
        assertError(as(op).get(base(op) + "/recovery"), 404, "MCK0901");
        assertThat(as(op).get(base(op)).jsonPath().getList("type", String.class)).containsExactly("primary");
    }

    @Test
    void anotherOperatorsSettingsAreOutOfReach() {
        Operator owner = newOperator();
        Operator other = newOperator();
        set(owner, "support", Map.of("emailIdList", List.of("primary"))).then().statusCode(200);

        String ownersBase = base(owner);
        assertError(as(other).get(ownersBase), 400, "AUM0016");
        assertError(as(other).get(ownersBase + "/support"), 400, "AUM0016");
        assertError(as(other).delete(ownersBase + "/support"), 400, "AUM0016");
        assertError(as(other).contentType(ContentType.JSON).body(Map.of("emailIdList", List.of("primary")))
                .post(ownersBase + "/billing"), 400, "AUM0016");
        // the other operator's own settings are its own
        assertError(as(other).get(base(other) + "/support"), 404, "MCK0901");

        assertThat(as(owner).get(ownersBase).jsonPath().getList("type", String.class))
                .containsExactly("primary", "support");
    }
}
