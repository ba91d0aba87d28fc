package dev.soracommock.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's account: password, company/individual information, configuration namespaces, contracts, e-mails. */
class AccountApiTest extends ApiTest {

    private static final Map<String, String> COMPANY = Map.of("companyName", "Example KK", "countryCode", "JP",
            "zipCode", "1000001", "department", "IoT", "contactPersonName", "Taro", "phoneNumber", "+81-3-0000-0000");

    private String base(Operator op) {
        return "/v1/operators/" + op.operatorId();
    }

    @Test
    void passwordChangeChecksTheCurrentOne() {
        Operator op = newOperator();
        Response wrong = as(op).contentType(ContentType.JSON).body(Map.of("currentPassword", "nope", "newPassword", "n3w"))
                .post(base(op) + "/password");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.<String>path("code")).isEqualTo("AUM0026");
        as(op).contentType(ContentType.JSON).body(Map.of("currentPassword", op.password(), "newPassword", "n3w-pass"))
                .post(base(op) + "/password").then().statusCode(200);
        api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", op.password())).post("/v1/auth")
                .then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("email", op.email(), "password", "n3w-pass")).post("/v1/auth")
                .then().statusCode(200);
    }

    @Test
    void companyInformationIsCreatedOnceThenUpdated() {
        Operator op = newOperator();
        as(op).get(base(op) + "/company_information").then().statusCode(404);
        as(op).contentType(ContentType.JSON).body(COMPANY).put(base(op) + "/company_information").then().statusCode(404);
        as(op).contentType(ContentType.JSON).body(COMPANY).post(base(op) + "/company_information").then().statusCode(201);
        as(op).contentType(ContentType.JSON).body(COMPANY).post(base(op) + "/company_information").then().statusCode(400);
        Map<String, String> changed = new java.util.HashMap<>(COMPANY);
        changed.put("department", "Sales");
        as(op).contentType(ContentType.JSON).body(changed).put(base(op) + "/company_information").then().statusCode(200);
        Response got = as(op).get(base(op) + "/company_information");
        assertThat(got.<String>path("department")).isEqualTo("Sales");
        assertThat(got.<String>path("companyName")).isEqualTo("Example KK");
        Response missing = as(op).contentType(ContentType.JSON).body(Map.of("companyName", "x")).put(base(op) + "/company_information");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.<String>path("code")).isEqualTo("COM0008");
    }

    @Test
    void individualInformation() {
        Operator op = newOperator();
        Map<String, String> me = Map.of("fullName", "Hanako", "countryCode", "JP", "zipCode", "1000001", "phoneNumber", "0000");
        as(op).contentType(ContentType.JSON).body(me).post(base(op) + "/individual_information").then().statusCode(201);
        assertThat(as(op).get(base(op) + "/individual_information").<String>path("fullName")).isEqualTo("Hanako");
    }

    @Test
    void configurationNamespacesAreVersioned() {
        Operator op = newOperator();
        String ns = base(op) + "/configuration/Email";
        as(op).get(ns).then().statusCode(404);
        Response v1 = as(op).contentType(ContentType.JSON)
                .body(Map.of("configuration", Map.of("billing", Map.of("attachInvoicePdfEnabled", true)))).post(ns);
        v1.then().statusCode(200);
        assertThat(v1.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(v1.<Boolean>path("configuration.billing.attachInvoicePdfEnabled")).isTrue();
        Response stale = as(op).contentType(ContentType.JSON)
                .body(Map.of("configuration", Map.of("billing", Map.of("attachInvoicePdfEnabled", false)), "expectedVersion", 7)).post(ns);
        assertThat(stale.statusCode()).isEqualTo(409);
        Response v2 = as(op).contentType(ContentType.JSON)
                .body(Map.of("configuration", Map.of("billing", Map.of("attachInvoicePdfEnabled", false)), "expectedVersion", 1)).post(ns);
        assertThat(v2.jsonPath().getInt("version")).isEqualTo(2);
        assertThat(as(op).get(ns).<Boolean>path("configuration.billing.attachInvoicePdfEnabled")).isFalse();
        as(op).delete(ns).then().statusCode(204);
        as(op).get(ns).then().statusCode(404);
        as(op).get(base(op) + "/configuration/Nope").then().statusCode(400);
    }

    @Test
    void contractsAreRecorded() {
        Operator op = newOperator();
        Response added = as(op).contentType(ContentType.JSON)
                .body(Map.of("contractName", "harvest", "contractDetail", Map.of("plan", "extended", "ttl", 731)))
                .post(base(op) + "/contracts");
        added.then().statusCode(200);
        assertThat(added.<String>path("contractName")).isEqualTo("harvest");
        assertThat(added.<Integer>path("contractDetail.ttl")).isEqualTo(731);
        as(op).delete(base(op) + "/contracts/harvest").then().statusCode(204);
        as(op).delete(base(op) + "/contracts/harvest").then().statusCode(404);
        as(op).contentType(ContentType.JSON).body(Map.of("contractName", "nope")).post(base(op) + "/contracts").then().statusCode(400);
    }

    @Test
    void supportTokenAndEmails() {
        Operator op = newOperator();
        Response token = as(op).post(base(op) + "/support/token");
        token.then().statusCode(200);
        assertThat(token.<String>path("token")).isNotBlank();
        Response emails = as(op).get(base(op) + "/emails");
        assertThat(emails.<List<String>>path("email")).containsExactly(op.email());
        assertThat(as(op).get(base(op) + "/emails/primary").<Boolean>path("verified")).isTrue();
        as(op).get(base(op) + "/emails/other").then().statusCode(404);
        Response refused = as(op).delete(base(op) + "/emails/primary");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<String>path("code")).isEqualTo("AUM0036");
    }
}
