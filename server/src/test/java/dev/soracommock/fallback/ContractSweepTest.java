package dev.soracommock.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.Operations;
import dev.soracommock.support.ApiTest;
import dev.soracommock.support.ContractRequest;
import dev.soracommock.support.OperationRequests;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweep: every operationId of every contract is called over HTTP with a request its contract accepts
 * ({@link OperationRequests}: path and required parameters, a body synthesised from the request schema) and the
 * credentials of a sandbox operator.
 * Operations answered by the fallback must answer their documented success status, name themselves in
 * {@code X-Soracom-Mock-Fallback} and send a contract-valid body; stateful operations must be routed and never
 * answer 5xx, errors in Soracom's form (eSIM Commerce operations: with an {@code X-API-Key}, errors in the NestJS
 * envelope). Every 2xx body is validated against the contract ({@link ApiTest}).
 */
class ContractSweepTest extends ApiTest {

    /** Operations that end the caller's session or operator: each gets an operator of its own. */
    private static final Set<String> DESTRUCTIVE = Set.of("logout", "revokeOperatorAuthTokens", "sandboxDeleteOperator");

    @Autowired
    Operations operations;

    @Autowired
    ContractDocuments documents;

    @Autowired
    JsonMapper json;

    private Operator shared;

    @TestFactory
    Stream<DynamicTest> everyOperationAnswers() {
        List<Operations.Entry> emulated = operations.all().stream().filter(e -> e.contract().emulated()).toList();
        assertThat(emulated).hasSize(498);
        OperationRequests requests = new OperationRequests(documents, json, new ContractExamples(documents, json));
        return emulated.stream().map(entry -> DynamicTest.dynamicTest(
                entry.contract().name().toLowerCase() + " " + entry.spec().operationId(),
                () -> sweep(entry, requests)));
    }

    private void sweep(Operations.Entry entry, OperationRequests requests) {
        OperationSpec spec = entry.spec();
        Operator op = DESTRUCTIVE.contains(spec.operationId()) ? newOperator() : sharedOperator();
        OperationRequests.Builder builder = requests.of(entry).as(op);
        if (entry.contract() == Contract.ESIM) {
            builder.header("X-API-Key", "sweep-reseller");
        }
        ContractRequest request = builder.build();

        Response response = send(request);
        String where = spec.method() + " " + request.pathAndQuery() + " (" + spec.operationId() + ") answered "
                + response.statusCode() + " " + response.asString();
        assertThat(response.statusCode()).as(where).isLessThan(500);
        String fallback = response.header("X-Soracom-Mock-Fallback");
        if (fallback != null) {
            assertThat(fallback).as(where).isEqualTo(spec.operationId());
            assertThat(response.statusCode()).as(where).isEqualTo(spec.successStatus());
        } else if (response.statusCode() >= 400 && entry.contract() == Contract.ESIM) {
            assertThat(response.contentType()).as(where).startsWith("application/json");
            assertThat(response.jsonPath().getInt("statusCode")).as(where).isEqualTo(response.statusCode());
            assertThat(response.jsonPath().getString("message")).as(where + ": routed").isNotBlank().doesNotStartWith("Cannot ");
        } else if (response.statusCode() >= 400 && "HEAD".equals(spec.method())) {
            // a HEAD answer has no body to carry the error (Harvest Files' getFileMetadata: 404)
            assertThat(response.statusCode()).as(where + ": routed").isNotEqualTo(405);
        } else if (response.statusCode() >= 400) {
            assertThat(response.statusCode()).as(where + ": routed").isNotEqualTo(405);
            assertThat(response.contentType()).as(where).startsWith("application/json");
            assertThat(response.jsonPath().getString("message")).as(where).isNotBlank();
            assertThat(response.jsonPath().getString("code")).as(where + ": routed").isNotBlank().isNotEqualTo("COM0002");
        }
    }

    private Operator sharedOperator() {
        if (shared == null) {
            shared = newOperator();
        }
        return shared;
    }
}
