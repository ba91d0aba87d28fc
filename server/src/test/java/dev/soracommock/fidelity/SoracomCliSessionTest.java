package dev.soracommock.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import dev.soracommock.support.ContractConformance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * soracom-cli's own end-to-end scenario (its test/test.sh against the API Sandbox, soracom-facts §1), replayed with
 * the requests soracom-cli sends ({@link CliLikeClient}): every answer must be one that a client generated from the
 * published contract accepts — the server-side check (support/ContractCheckFilter) counts each one, and this test
 * asserts that none of the session's answers broke the contract. Run it alone with
 * {@code ./mvnw -B test -Dtest=SoracomCliSessionTest}.
 */
class SoracomCliSessionTest extends ApiTest {

    private static final String PASSWORD = "Cli-p4ssword";

    @Test
    void theSandboxScenarioOfSoracomCliGetsOnlyAnswersTheContractAllows() {
        int violationsBefore = ContractConformance.violationCount();
        long checkedBefore = ContractConformance.successes() + ContractConformance.errors();
        CliLikeClient cli = new CliLikeClient(port, "ja");
        String email = uniqueEmail();

        // configure-sandbox: sandbox/init (fields in Go struct order, coverage type from --coverage-type), then every
        // command logs in with the profile's email and password
        var init = cli.post("/v1/sandbox/init", "{\"authKey\":\"secret-cli\",\"authKeyId\":\"keyId-cli\","
                + "\"coverageTypes\":[\"jp\"],\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"registerPaymentMethod\":true}");
        assertThat(init.status()).isEqualTo(201);
        assertThat(init.json().has("userName")).as("a root login carries no userName").isFalse();
        var login = cli.post("/v1/auth", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        cli.loggedIn(login);
        String opid = cli.operatorId();
        assertThat(cli.get("/v1/operators/" + opid).text("operatorId")).isEqualTo(opid);

        // operator auth-keys generate (a body-less POST), then auth --auth-key-id --auth-key
        var key = cli.post("/v1/operators/" + opid + "/auth_keys");
        assertThat(key.status()).isEqualTo(201);
        var byKey = cli.post("/v1/auth", "{\"authKey\":\"" + key.text("authKey") + "\",\"authKeyId\":\""
                + key.text("authKeyId") + "\"}");
        assertThat(byKey.status()).isEqualTo(200);
        cli.loggedIn(byKey);
        assertThat(cli.get("/v1/operators/" + opid + "/auth_keys").json().size()).isEqualTo(1);
        assertThat(cli.get("/v1/subscribers").json().size()).isZero();

        // shipping address, order of 3 SIMs, confirm (body-less PUT), ship (sandbox), register (body-less POST)
        var address = cli.post("/v1/operators/" + opid + "/shipping_addresses", "{\"addressLine1\":\"赤坂1-2-3\","
                + "\"city\":\"港区\",\"fullName\":\"ソラコム 太郎\",\"phoneNumber\":\"03-1234-5678\",\"state\":\"東京都\","
                + "\"zipCode\":\"1234567\"}");
        assertThat(address.status()).isEqualTo(201);
        var order = cli.post("/v1/orders", "{\"orderItemList\":[{\"productCode\":\"4573326590013\",\"quantity\":3}],"
                + "\"shippingAddressId\":\"" + address.text("shippingAddressId") + "\"}");
        assertThat(order.status()).isEqualTo(201);
        String orderId = order.text("orderId");
        assertThat(cli.put("/v1/orders/" + orderId + "/confirm").status()).isEqualTo(200);
        assertThat(cli.post("/v1/sandbox/orders/ship", "{\"operatorId\":\"" + opid + "\",\"orderId\":\"" + orderId + "\"}")
                .status()).isEqualTo(200);
        assertThat(cli.get("/v1/orders/" + orderId + "/subscribers").json().path("orderedSubscriberList").size())
                .isEqualTo(3);
        assertThat(cli.post("/v1/orders/" + orderId + "/subscribers/register").status()).isEqualTo(204);

        // subscribers list --fetch-all --limit 1
        ArrayNode subscribers = cli.fetchAll("/v1/subscribers?limit=1");
        assertThat(subscribers).hasSize(3);
        String imsi = subscribers.get(0).path("imsi").asString();

        // the SIM's life: activate, suspend, enable termination, terminate; still listed and searchable
        for (String step : List.of("activate", "suspend", "enable_termination", "terminate")) {
            assertThat(cli.post("/v1/subscribers/" + imsi + "/" + step).status()).as(step).isEqualTo(200);
        }
        assertThat(cli.get("/v1/subscribers/" + imsi).text("status")).isEqualTo("terminated");
        assertThat(cli.get("/v1/sims/" + imsi).text("status")).isEqualTo("terminated");
        assertThat(cli.fetchAll("/v1/sims?limit=2")).hasSize(3);

        // a sandbox SIM of another plan, registered (200 as the real sandbox answers), suspended
        var planD = cli.post("/v1/sandbox/subscribers/create", "{\"subscription\":\"plan-D\"}");
        assertThat(planD.status()).isEqualTo(200);
        String planDImsi = planD.text("imsi");
        assertThat(cli.post("/v1/subscribers/" + planDImsi + "/register", "{\"registrationSecret\":\""
                + planD.text("registrationSecret") + "\"}").status()).isEqualTo(200);
        assertThat(cli.post("/v1/subscribers/" + planDImsi + "/suspend").status()).isEqualTo(200);

        // a group with configuration; SIMs put into it (a suspended one too) and listed by group
        var group = cli.post("/v1/groups", "{\"tags\":{\"name\":\"soracom-cli-test\"}}");
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.text("groupId");
        var configured = cli.put("/v1/groups/" + groupId + "/configuration/SoracomAir",
                "[{\"key\":\"useCustomDns\",\"value\":true},{\"key\":\"dnsServers\",\"value\":[\"8.8.8.8\",\"1.1.1.1\"]},"
                        + "{\"key\":\"metadata\",\"value\":{\"enabled\":true,\"readonly\":true}}]");
        assertThat(configured.status()).isEqualTo(200);
        String other = subscribers.get(1).path("imsi").asString();
        for (String member : List.of(planDImsi, other)) {
            assertThat(cli.post("/v1/subscribers/" + member + "/set_group", "{\"groupId\":\"" + groupId + "\"}")
                    .status()).isEqualTo(200);
        }
        assertThat(CliLikeClient.texts(cli.fetchAll("/v1/groups/" + groupId + "/subscribers"), "simId"))
                .containsExactlyInAnyOrder(planDImsi, other);
        assertThat(cli.fetchAll("/v1/groups")).hasSize(1);

        // query sims and subscribers (terminated SIMs included), a tag, a speed class
        assertThat(cli.put("/v1/subscribers/" + other + "/tags", "[{\"tagName\":\"name\",\"tagValue\":\"field unit\"}]")
                .status()).isEqualTo(200);
        assertThat(CliLikeClient.texts(cli.fetchAll("/v1/query/sims?imsi=" + imsi), "simId")).containsExactly(imsi);
        assertThat(cli.fetchAll("/v1/query/sims?name=field&search_type=and")).hasSize(1);
        assertThat(cli.fetchAll("/v1/query/subscribers?imsi=" + imsi)).hasSize(1);
        assertThat(cli.post("/v1/subscribers/" + other + "/update_speed_class", "{\"speedClass\":\"s1.fast\"}")
                .text("speedClass")).isEqualTo("s1.fast");

        // stats: sandbox inserts (seconds), reads by day; bills
        long now = Instant.now().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        assertThat(cli.post("/v1/sandbox/stats/air/subscribers/" + other, "{\"dataTrafficStatsMap\":{\"s1.fast\":"
                + "{\"downloadByteSizeTotal\":2000,\"downloadPacketSizeTotal\":4,\"uploadByteSizeTotal\":1000,"
                + "\"uploadPacketSizeTotal\":2}},\"unixtime\":" + now + "}").status()).isEqualTo(200);
        assertThat(cli.post("/v1/sandbox/stats/beam/subscribers/" + other, "{\"beamStatsMap\":{\"inHttp\":{\"count\":3}},"
                + "\"unixtime\":" + now + "}").status()).isEqualTo(200);
        JsonNode air = cli.get("/v1/stats/air/subscribers/" + other + "?from=" + (now - 86_400) + "&to=" + (now + 3_600)
                + "&period=day").json();
        assertThat(air.isArray() && !air.isEmpty()).as("air stats %s", air).isTrue();
        assertThat(cli.get("/v1/stats/beam/subscribers/" + other + "?from=" + (now - 86_400) + "&to=" + (now + 3_600)
                + "&period=day").json().isArray()).isTrue();
        assertThat(cli.get("/v1/bills").status()).isEqualTo(200);
        assertThat(cli.get("/v1/bills/latest").status()).isEqualTo(200);
        assertThat(cli.get("/v1/payment_methods/current").status()).isEqualTo(200);

        // errors soracom-cli prints as they come: in the API's form, allowed by the contract
        assertThat(cli.get("/v1/subscribers/001019999999999").status()).isEqualTo(404);
        assertThat(cli.post("/v1/subscribers/" + imsi + "/activate").status()).isEqualTo(400);

        // logout: the key and token stop working
        assertThat(cli.post("/v1/auth/logout").status()).isEqualTo(204);
        assertThat(cli.get("/v1/operators/" + opid).status()).isEqualTo(401);

        assertThat(ContractConformance.violationsSince(violationsBefore)).as("answers the contract does not allow").isEmpty();
        assertThat(ContractConformance.successes() + ContractConformance.errors() - checkedBefore)
                .as("answers checked against the contract").isGreaterThanOrEqualTo(45);
    }
}
