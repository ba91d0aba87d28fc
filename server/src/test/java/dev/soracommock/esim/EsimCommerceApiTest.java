package dev.soracommock.esim;

import static dev.soracommock.esim.EsimApi.BASE;
import static dev.soracommock.esim.EsimApi.assertEnvelope;
import static dev.soracommock.esim.EsimApi.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The eSIM Commerce sandbox through HTTP: every operation, every refusal, tenant isolation between API keys, the
 * NestJS error envelope, paging and filters. Every 2xx is validated against the project's eSIM contract.
 */
class EsimCommerceApiTest extends ApiTest {

    /** Fresh resellers for every test (JUnit makes an instance per test): no test meets another's rate limits. */
    private final String KEY_A = "reseller-a-" + UUID.randomUUID();
    private final String KEY_B = "reseller-b-" + UUID.randomUUID();

    private RequestSpecification esim(String key) {
        return api().header("X-API-Key", key);
    }

    private Response order(String key, String planCode, int quantity) {
        return esim(key).contentType(ContentType.JSON).body(Map.of("planCode", planCode, "quantity", quantity))
                .post(BASE + "/esims");
    }

    private String orderOne(String key) {
        Response r = order(key, "KD0002", 1);
        r.then().statusCode(201);
        return r.path("esims[0].iccid");
    }

    // --- credentials and the envelope ---

    @Test
    void aMissingApiKeyIs401InTheEnvelope() {
        Response r = api().get(BASE + "/data-plans");
        assertEnvelope(r, 401, "Unauthorized");
        assertThat(r.<String>path("message")).isEqualTo("X-API-Key header is required");
        assertEnvelope(api().header("X-API-Key", " ").get(BASE + "/esims/8900000000000000001"), 401, "Unauthorized");
    }

    @Test
    void anyNonEmptyKeyIsAccepted() {
        esim("anything").get(BASE + "/data-plans").then().statusCode(200);
    }

    @Test
    void unknownRoutesAnswerInTheEnvelope() {
        Response r = esim(KEY_A).get(BASE + "/no-such-thing");
        assertEnvelope(r, 404, "Not Found");
        assertThat(r.<String>path("message")).isEqualTo("Cannot GET " + BASE + "/no-such-thing");
    }

    @Test
    void malformedJsonIsABadRequestInTheEnvelope() {
        Response r = esim(KEY_A).contentType(ContentType.JSON).body("{\"planCode\":").post(BASE + "/esims");
        assertEnvelope(r, 400, "Bad Request");
    }

    @Test
    void theSoracomApiKeepsItsOwnErrorForm() {
        Response r = api().get("/v1/operators/OP0000000000");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.<String>path("code")).isEqualTo("AUM0001");
    }

    // --- listDataPlans ---

    @Test
    void listsTheWholeCatalogueByDefault() {
        Response r = esim(KEY_A).get(BASE + "/data-plans");
        r.then().statusCode(200);
        int total = r.path("meta.total");
        assertThat(total).isGreaterThanOrEqualTo(100);
        assertThat(r.<Integer>path("meta.page")).isEqualTo(1);
        assertThat(r.<Integer>path("meta.limit")).isEqualTo(200);
        assertThat(r.<Integer>path("meta.totalPages")).isEqualTo((total + 199) / 200);
        List<String> countries = r.path("items.coverages.flatten().code");
        assertThat(new HashSet<>(countries)).hasSizeGreaterThanOrEqualTo(15);
        List<String> providers = r.path("items.findAll { it.coverages[0].code == 'JP' }.providerCode");
        assertThat(new HashSet<>(providers)).contains("KDDI", "DOCOMO", "SOFTBANK");
        assertThat(r.<List<String>>path("items.planType")).contains("UNLIMITED", "FIXED");
        assertThat(r.<List<String>>path("items.dataUnit")).contains("GB", "MB");
        assertThat(r.<List<String>>path("items.dataCapPer")).contains("DAY", "TOTAL");
        assertThat(r.<List<String>>path("items.netPrice")).allSatisfy(p -> assertThat(p).matches("\\d+\\.\\d{2}"));
        assertThat(r.<List<Boolean>>path("items.eKYC")).contains(true, false);
    }

    @Test
    void pagesWithMeta() {
        Response first = esim(KEY_A).queryParam("limit", 10).queryParam("page", 1).get(BASE + "/data-plans");
        Response second = esim(KEY_A).queryParam("limit", 10).queryParam("page", 2).get(BASE + "/data-plans");
        first.then().statusCode(200);
        int total = first.path("meta.total");
        assertThat(first.<List<?>>path("items")).hasSize(10);
        assertThat(first.<Integer>path("meta.totalPages")).isEqualTo((total + 9) / 10);
        assertThat(second.<Integer>path("meta.page")).isEqualTo(2);
        assertThat(second.<List<String>>path("items.planCode")).doesNotContainAnyElementsOf(first.path("items.planCode"));
        int lastPage = (total + 9) / 10;
        Response last = esim(KEY_A).queryParam("limit", 10).queryParam("page", lastPage).get(BASE + "/data-plans");
        assertThat(last.<List<?>>path("items")).hasSize(total - (lastPage - 1) * 10);
        Response beyond = esim(KEY_A).queryParam("limit", 10).queryParam("page", lastPage + 1).get(BASE + "/data-plans");
        assertThat(beyond.<List<?>>path("items")).isEmpty();
        assertThat(beyond.<Integer>path("meta.total")).isEqualTo(total);
    }

    @Test
    void refusesBadPaging() {
        assertValidation(esim(KEY_A).queryParam("limit", 201).get(BASE + "/data-plans"), "limit");
        assertValidation(esim(KEY_A).queryParam("limit", 0).get(BASE + "/data-plans"), "limit");
        assertValidation(esim(KEY_A).queryParam("page", 0).get(BASE + "/data-plans"), "page");
        assertValidation(esim(KEY_A).queryParam("countryCode", "jp").get(BASE + "/data-plans"), "countryCode");
    }

    @Test
    void refusesTheNulCharacterInAQueryParameter() {
        assertValidation(esim(KEY_A).urlEncodingEnabled(false).get(BASE + "/data-plans?providerCode=KD%00"),
                "providerCode must not contain the NUL character");
    }

    @Test
    void filtersByCountryAndProvider() {
        Response jp = esim(KEY_A).queryParam("countryCode", "JP").get(BASE + "/data-plans");
        List<Map<String, Object>> items = jp.path("items");
        assertThat(items).isNotEmpty();
        assertThat(jp.<List<String>>path("items.coverages.collect { it[0].code }")).containsOnly("JP");
        assertThat(jp.<Integer>path("meta.total")).isEqualTo(items.size());

        Response kddi = esim(KEY_A).queryParam("countryCode", "JP").queryParam("providerCode", "KDDI").get(BASE + "/data-plans");
        assertThat(kddi.<List<String>>path("items.providerCode")).isNotEmpty().containsOnly("KDDI");
        assertThat(kddi.<Integer>path("meta.total")).isLessThan(items.size());

        Response none = esim(KEY_A).queryParam("providerCode", "NOPE").get(BASE + "/data-plans");
        assertThat(none.<Integer>path("meta.total")).isZero();
        assertThat(none.<Integer>path("meta.totalPages")).isZero();
    }

    @Test
    void includeRoamingAddsPlansThatRoamThere() {
        Response home = esim(KEY_A).queryParam("countryCode", "KR").get(BASE + "/data-plans");
        Response roaming = esim(KEY_A).queryParam("countryCode", "KR").queryParam("includeRoaming", true).get(BASE + "/data-plans");
        int homeTotal = home.path("meta.total");
        int roamingTotal = roaming.path("meta.total");
        assertThat(roamingTotal).isGreaterThan(homeTotal);
        assertThat(roaming.<List<String>>path("items.planCode")).containsAll(home.path("items.planCode"));
        // every added plan has KR among its coverages but not as its home
        assertThat(roaming.<List<List<String>>>path("items.coverages.collect { it.code }"))
                .allSatisfy(codes -> assertThat(codes).contains("KR"));
        assertThat(roaming.<List<String>>path("items.findAll { it.coverages[0].code != 'KR' }.providerCode")).isNotEmpty();
        Response explicitFalse = esim(KEY_A).queryParam("countryCode", "KR").queryParam("includeRoaming", false).get(BASE + "/data-plans");
        assertThat(explicitFalse.<Integer>path("meta.total")).isEqualTo(homeTotal);
    }

    // --- orderEsims ---

    @Test
    void ordersEsimsWithLuhnValidSandboxIccidsAndATransaction() {
        Response r = order(KEY_A, "KD0002", 3);
        r.then().statusCode(201);
        String transactionId = r.path("transactionId");
        assertThat(UUID.fromString(transactionId).toString()).isEqualTo(transactionId);
        List<String> iccids = r.path("esims.iccid");
        assertThat(iccids).hasSize(3).doesNotHaveDuplicates().allSatisfy(iccid -> {
            assertThat(iccid).matches("8900\\d{15}");
            assertThat(EsimApi.luhnValid(iccid)).as(iccid).isTrue();
        });
        Map<String, Object> e = r.path("esims[0]");
        assertThat(e).containsEntry("homeCountry", "JP")
                .containsEntry("contractStatus", "ACTIVE")
                .containsEntry("profileProvisionStatus", "AVAILABLE")
                .containsEntry("profileInstallStatus", "READY")
                .containsEntry("isServiceRestricted", false)
                .containsEntry("downloadedAt", null).containsEntry("activatedOn", null)
                .containsEntry("terminatedOn", null).containsEntry("expiresOn", null)
                .containsEntry("initialInsertionDevice", null).containsEntry("initialInsertionAt", null)
                .containsEntry("initialConnectionDevice", null)
                .containsEntry("dataUsageDailyList", List.of())
                .containsEntry("totalDataUsage", 0);
        assertThat((List<?>) e.get("roamingCountries")).isNotEmpty();
        assertThat((String) e.get("qrCode")).isEqualTo("LPA:1$" + e.get("smdpAddress") + "$" + e.get("activationCode"));
        assertThat((String) e.get("activationDeadline")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat((String) e.get("lastUpdatedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

        Response tx = esim(KEY_A).get(BASE + "/transactions/" + transactionId);
        tx.then().statusCode(200);
        assertThat(tx.<String>path("transactionId")).isEqualTo(transactionId);
        assertThat(tx.<List<String>>path("iccids")).containsExactlyInAnyOrderElementsOf(iccids);
    }

    @Test
    void everyOrderGetsNewIccids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            List<String> iccids = order(KEY_A, "SK0001", 5).path("esims.iccid");
            assertThat(iccids).hasSize(5);
            iccids.forEach(iccid -> assertThat(seen.add(iccid)).as(iccid).isTrue());
        }
    }

    @Test
    void ordersUpToAThousand() {
        Response r = order(KEY_B, "DC0001", 1000);
        r.then().statusCode(201);
        assertThat(r.<List<String>>path("esims.iccid")).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void refusesBadOrders() {
        assertValidation(order(KEY_A, "KD0001", 1001), "quantity must not be greater than 1000");
        assertValidation(order(KEY_A, "KD0001", 0), "1");
        assertValidation(esim(KEY_A).contentType(ContentType.JSON).body(Map.of("quantity", 1)).post(BASE + "/esims"),
                "planCode should not be empty");
        assertValidation(esim(KEY_A).contentType(ContentType.JSON).body(Map.of("planCode", "KD0001", "quantity", "many"))
                .post(BASE + "/esims"), "quantity");
        Response unknown = order(KEY_A, "NOPE0001", 1);
        assertEnvelope(unknown, 404, "Not Found");
        assertThat(unknown.<String>path("message")).isEqualTo("Data plan NOPE0001 not found");
    }

    // --- getEsim, getTransaction, tenant isolation ---

    @Test
    void getsAnEsim() {
        String iccid = orderOne(KEY_A);
        Response r = esim(KEY_A).get(BASE + "/esims/" + iccid);
        r.then().statusCode(200);
        assertThat(r.<String>path("iccid")).isEqualTo(iccid);
        assertThat(r.<String>path("contractStatus")).isEqualTo("ACTIVE");
    }

    @Test
    void refusesMalformedAndUnknownIccids() {
        String iccid = orderOne(KEY_A);
        assertValidation(esim(KEY_A).get(BASE + "/esims/12345"), "iccid must match");
        assertValidation(esim(KEY_A).get(BASE + "/esims/89001000000000000ab"), "");
        assertValidation(esim(KEY_A).get(BASE + "/esims/" + EsimApi.withWrongCheckDigit(iccid)), "iccid");
        String unknownButValid = "890012345678901234" + EsimService.luhnCheckDigit("890012345678901234");
        Response r = esim(KEY_A).get(BASE + "/esims/" + unknownButValid);
        assertEnvelope(r, 404, "Not Found");
        assertThat(r.<String>path("message")).isEqualTo("eSIM " + unknownButValid + " not found");
    }

    @Test
    void refusesMalformedAndUnknownTransactions() {
        assertValidation(esim(KEY_A).get(BASE + "/transactions/not-a-uuid"), "");
        assertEnvelope(esim(KEY_A).get(BASE + "/transactions/" + UUID.randomUUID()), 404, "Not Found");
    }

    @Test
    void oneResellerNeverSeesAnothersEsimsOrTransactions() {
        Response ordered = order(KEY_A, "KD0002", 1);
        String iccid = ordered.path("esims[0].iccid");
        String transactionId = ordered.path("transactionId");

        assertEnvelope(esim(KEY_B).get(BASE + "/esims/" + iccid), 404, "Not Found");
        assertEnvelope(esim(KEY_B).get(BASE + "/transactions/" + transactionId), 404, "Not Found");
        assertEnvelope(esim(KEY_B).contentType(ContentType.JSON).body(Map.of("action", "suspend"))
                .post(BASE + "/esims/" + iccid + "/emergency-control"), 404, "Not Found");
        assertEnvelope(esim(KEY_B).contentType(ContentType.JSON).body(List.of(Map.of("day", "2025-12-10", "usage", "1")))
                .put(BASE + "/esims/" + iccid + "/data-usage"), 404, "Not Found");

        Response still = esim(KEY_A).get(BASE + "/esims/" + iccid);
        assertThat(still.<String>path("contractStatus")).isEqualTo("ACTIVE");
        assertThat(still.<List<?>>path("dataUsageDailyList")).isEmpty();
    }

    // --- emergencyControl ---

    private Response control(String key, String iccid, String action) {
        return esim(key).contentType(ContentType.JSON).body(Map.of("action", action))
                .post(BASE + "/esims/" + iccid + "/emergency-control");
    }

    @Test
    void suspendsAndReleases() {
        String iccid = orderOne(KEY_A);
        Response suspended = control(KEY_A, iccid, "suspend");
        suspended.then().statusCode(200);
        assertThat(suspended.<String>path("contractStatus")).isEqualTo("SUSPENDED");
        assertThat(suspended.<Boolean>path("isServiceRestricted")).isTrue();
        assertThat(esim(KEY_A).get(BASE + "/esims/" + iccid).<String>path("contractStatus")).isEqualTo("SUSPENDED");

        Response released = control(KEY_A, iccid, "release");
        released.then().statusCode(200);
        assertThat(released.<String>path("contractStatus")).isEqualTo("ACTIVE");
        assertThat(released.<Boolean>path("isServiceRestricted")).isFalse();
    }

    @Test
    void refusesImpossibleTransitionsWithA409ThatSaysWhy() {
        String iccid = orderOne(KEY_A);
        Response releaseActive = control(KEY_A, iccid, "release");
        assertEnvelope(releaseActive, 409, "Conflict");
        assertThat(releaseActive.<String>path("message")).contains("not SUSPENDED");
        String before = esim(KEY_A).get(BASE + "/esims/" + iccid).asString();

        control(KEY_A, iccid, "suspend").then().statusCode(200);
        String suspended = esim(KEY_A).get(BASE + "/esims/" + iccid).asString();
        Response twice = control(KEY_A, iccid, "suspend");
        assertEnvelope(twice, 409, "Conflict");
        assertThat(twice.<String>path("message")).contains("already SUSPENDED");
        assertThat(esim(KEY_A).get(BASE + "/esims/" + iccid).asString()).isEqualTo(suspended).isNotEqualTo(before);

        assertValidation(control(KEY_A, iccid, "pause"), "action");
        assertValidation(esim(KEY_A).contentType(ContentType.JSON).body(Map.of()).post(BASE + "/esims/" + iccid + "/emergency-control"), "action");
    }

    // --- setDataUsage ---

    private Response setUsage(String key, String iccid, Object body) {
        return esim(key).contentType(ContentType.JSON).body(body).put(BASE + "/esims/" + iccid + "/data-usage");
    }

    @Test
    void replacesTheUsageListAndTotals() {
        String iccid = orderOne(KEY_A);
        String before = esim(KEY_A).get(BASE + "/esims/" + iccid).path("lastUpdatedAt");
        Response r = setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-12-10", "usage", "102400"),
                Map.of("day", "2025-12-11", "usage", "204800")));
        r.then().statusCode(200);
        assertThat(r.<String>path("message")).isEqualTo("Data usage updated successfully");
        assertThat(r.<String>path("iccid")).isEqualTo(iccid);
        assertThat(r.<List<String>>path("dataUsageDailyList.day")).containsExactly("2025-12-10", "2025-12-11");

        Response e = esim(KEY_A).get(BASE + "/esims/" + iccid);
        assertThat(e.<Integer>path("totalDataUsage")).isEqualTo(307200);
        assertThat(e.<List<String>>path("dataUsageDailyList.usage")).containsExactly("102400", "204800");
        assertThat(e.<String>path("lastUpdatedAt")).isGreaterThanOrEqualTo(before);

        setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-12-12", "usage", "0"))).then().statusCode(200);
        Response replaced = esim(KEY_A).get(BASE + "/esims/" + iccid);
        assertThat(replaced.<List<String>>path("dataUsageDailyList.day")).containsExactly("2025-12-12");
        assertThat(replaced.<Integer>path("totalDataUsage")).isZero();

        setUsage(KEY_A, iccid, List.of()).then().statusCode(200);
        assertThat(esim(KEY_A).get(BASE + "/esims/" + iccid).<List<?>>path("dataUsageDailyList")).isEmpty();
    }

    @Test
    void refusesBadUsageAndChangesNothing() {
        String iccid = orderOne(KEY_A);
        setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-12-10", "usage", "100"))).then().statusCode(200);
        String before = esim(KEY_A).get(BASE + "/esims/" + iccid).asString();

        assertValidation(setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-02-30", "usage", "1"))), "valid date");
        assertValidation(setUsage(KEY_A, iccid, List.of(Map.of("day", "2025/02/03", "usage", "1"))), "");
        assertValidation(setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-02-03", "usage", "-1"))), "");
        assertValidation(setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-02-03", "usage", "12a"))), "");
        assertValidation(setUsage(KEY_A, iccid, List.of(Map.of("day", "2025-02-03", "usage", "1"),
                Map.of("day", "2025-02-03", "usage", "2"))), "more than once");
        assertValidation(setUsage(KEY_A, iccid, Map.of("day", "2025-02-03", "usage", "1")), "");

        assertThat(esim(KEY_A).get(BASE + "/esims/" + iccid).asString()).isEqualTo(before);
    }

    // --- the contract is served ---

    @Test
    void theContractIsServedAtBothAddresses() {
        Response own = api().get(BASE + "/openapi.yaml");
        own.then().statusCode(200);
        assertThat(own.asString()).contains("operationId: orderEsims").contains("X-API-Key");
        Response listed = api().get("/openapi/esim-commerce-sandbox-api.yaml");
        listed.then().statusCode(200);
        assertThat(listed.asString()).isEqualTo(own.asString());
    }
}
