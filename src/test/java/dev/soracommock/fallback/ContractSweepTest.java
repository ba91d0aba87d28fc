package dev.soracommock.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.Operations;
import dev.soracommock.support.ApiTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweep: every operationId of every contract is called over HTTP with a request its contract accepts (path and
 * required parameters, a body synthesised from the request schema) and the credentials of a sandbox operator.
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
        ExampleValues values = new ExampleValues(json);
        ResponseValidation validation = new ResponseValidation(documents);
        return emulated.stream().map(entry -> DynamicTest.dynamicTest(
                entry.contract().name().toLowerCase() + " " + entry.spec().operationId(),
                () -> sweep(entry, values, validation)));
    }

    private void sweep(Operations.Entry entry, ExampleValues values, ResponseValidation validation) {
        OperationSpec spec = entry.spec();
        Operator op = DESTRUCTIVE.contains(spec.operationId()) ? newOperator() : sharedOperator();
        OpenAPI api = documents.openApi(entry.contract());
        Operation operation = api.getPaths().get(spec.path()).readOperationsMap().get(PathItem.HttpMethod.valueOf(spec.method()));
        ExampleSynthesizer synthesizer = new ExampleSynthesizer(api.getComponents().getSchemas(), values,
                (value, schema) -> validation.conforms(entry.contract(), json.writeValueAsString(value), schema));

        RequestSpecification request = as(op).urlEncodingEnabled(false).redirects().follow(false);
        if (entry.contract() == Contract.ESIM) {
            request.header("X-API-Key", "sweep-reseller");
        }
        String path = spec.path();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter p : parameters) {
            String value = p.getName().equals("operator_id") ? op.operatorId() : text(synthesizer.synthesize(p.getSchema()));
            switch (p.getIn()) {
                case "path" -> path = path.replace("{" + p.getName() + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
                case "query" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        request.queryParam(p.getName(), UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        request.header(p.getName(), value);
                    }
                }
                default -> { }
            }
        }
        RequestBody body = operation.getRequestBody();
        if (body != null && body.getContent() != null && !body.getContent().isEmpty()) {
            Map.Entry<String, MediaType> media = body.getContent().entrySet().iterator().next();
            if (media.getKey().contains("json") && media.getValue().getSchema() != null) {
                request.contentType("application/json").body(json.writeValueAsString(synthesizer.synthesize(media.getValue().getSchema())));
            } else {
                request.contentType(media.getKey()).body("sweep".getBytes(StandardCharsets.UTF_8));
            }
        }

        Response response = request.request(spec.method(), entry.contract().basePath() + path);
        String where = spec.method() + " " + path + " (" + spec.operationId() + ") answered " + response.statusCode()
                + " " + response.asString();
        assertThat(response.statusCode()).as(where).isLessThan(500);
        String fallback = response.header("X-Soracom-Mock-Fallback");
        if (fallback != null) {
            assertThat(fallback).as(where).isEqualTo(spec.operationId());
            assertThat(response.statusCode()).as(where).isEqualTo(spec.successStatus());
        } else if (response.statusCode() >= 400 && entry.contract() == Contract.ESIM) {
            assertThat(response.contentType()).as(where).startsWith("application/json");
            assertThat(response.jsonPath().getInt("statusCode")).as(where).isEqualTo(response.statusCode());
            assertThat(response.jsonPath().getString("message")).as(where + ": routed").isNotBlank().doesNotStartWith("Cannot ");
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

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "x";
        }
        if (node.isValueNode()) {
            return node.asString();
        }
        if (node.isArray() && !node.isEmpty()) {
            return text(node.get(0));
        }
        return node.toString();
    }
}
