package dev.soracommock.support;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.contract.Operations;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an operation of a contract into a request that its contract accepts, for the tests that call every operation:
 * the sweep ({@code fallback/ContractSweepTest}), the fuzzer, whose mutations start from it
 * ({@code robustness/ContractFuzzTest}), and the isolation sweep ({@code robustness/IsolationSweepTest}). The request
 * ({@link ContractRequest}) is data, sent by each test its own way.
 *
 * <p>What it holds, from the operation in the parsed contract ({@link ContractDocuments}, parsed once per JVM):
 * <ul>
 *   <li>the method, and the path under the contract's base path with every path parameter filled;</li>
 *   <li>the required query parameters (every one with {@link Builder#allQueryParameters()}), the required header
 *       parameters, and any query or header parameter the caller gave a value;</li>
 *   <li>a parameter's value: the caller's, by the parameter's name ({@link Builder#parameter}, e.g. another
 *       operator's identifiers), else one its schema accepts ({@link Values}: the schema's example, enum or default
 *       first, else a placeholder); path segments and query values percent-encoded;</li>
 *   <li>the body, in the operation's first media type: JSON conforming to its schema from {@link Values}, with the
 *       caller's values put into the fields named so ({@link Builder#bodyFields}), or, for a media type that is not
 *       JSON (a file upload), the operationId's bytes;</li>
 *   <li>the headers: the caller's (credentials: {@link Builder#as}) and the required ones.</li>
 * </ul>
 * Examples written beside a schema (a media type's, a parameter's) are not used, only the schema's own. Nothing is
 * random: the same operation and the same values give the same request.
 */
public final class OperationRequests {

    /**
     * Contract-valid values for a schema of a contract: {@code fallback.ContractExamples}, the synthesiser the fallback
     * answers with (given rather than imported, so that this package depends on no test package).
     */
    @FunctionalInterface
    public interface Values {

        /** A value the schema accepts; never {@code null}. */
        JsonNode synthesize(Contract contract, Schema<?> schema);
    }

    private final ContractDocuments documents;
    private final JsonMapper json;
    private final Values values;

    public OperationRequests(ContractDocuments documents, JsonMapper json, Values values) {
        this.documents = documents;
        this.json = json;
        this.values = values;
    }

    /** The operation as the parsed contract has it. */
    public Operation operation(Operations.Entry entry) {
        PathItem item = documents.openApi(entry.contract()).getPaths().get(entry.spec().path());
        Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(entry.spec().method()));
        if (operation == null) {
            throw new IllegalStateException(entry.spec().operationId() + ": not in " + entry.contract().fileName());
        }
        return operation;
    }

    /** The operation's parameters (path, query, header), in the contract's order. */
    public static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    /** A request for the operation, to complete with the caller's credentials and values. */
    public Builder of(Operations.Entry entry) {
        return new Builder(entry);
    }

    /** The caller's part of one request; later values of a name replace earlier ones. */
    public final class Builder {

        private final Operations.Entry entry;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> parameters = new HashMap<>();
        private final Map<String, String> bodyFields = new HashMap<>();
        private boolean allQuery;

        private Builder(Operations.Entry entry) {
            this.entry = entry;
        }

        /** The operator's credentials ({@code X-Soracom-API-Key}, {@code X-Soracom-Token}) and ID ({@code {operator_id}}). */
        public Builder as(ApiTest.Operator operator) {
            header("X-Soracom-API-Key", operator.apiKey());
            header("X-Soracom-Token", operator.token());
            return parameter("operator_id", operator.operatorId());
        }

        /** A header sent as is. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The value (not encoded) of the parameter of this name; an optional query or header parameter given one is sent. */
        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** {@link #parameter} for each entry. */
        public Builder parameters(Map<String, String> values) {
            parameters.putAll(values);
            return this;
        }

        /**
         * Values for the JSON body's fields of these names, written in the body's camelCase or as the key's snake_case
         * ({@code groupId} or {@code group_id}), at any depth; a field is replaced only where the body has a plain
         * value.
         */
        public Builder bodyFields(Map<String, String> values) {
            bodyFields.putAll(values);
            return this;
        }

        /** Every query parameter of the operation, optional ones too. */
        public Builder allQueryParameters() {
            allQuery = true;
            return this;
        }

        public ContractRequest build() {
            Contract contract = entry.contract();
            Operation operation = operation(entry);
            Map<String, String> sentHeaders = new LinkedHashMap<>(headers);
            Map<String, String> pathValues = new LinkedHashMap<>();
            Map<String, String> query = new LinkedHashMap<>();
            for (Parameter p : OperationRequests.parameters(operation)) {
                boolean sent = Boolean.TRUE.equals(p.getRequired()) || parameters.containsKey(p.getName());
                switch (p.getIn()) {
                    case "path" -> pathValues.put(p.getName(), UriUtils.encodePathSegment(value(contract, p), StandardCharsets.UTF_8));
                    case "query" -> {
                        if (sent || allQuery) {
                            query.put(p.getName(), UriUtils.encodeQueryParam(value(contract, p), StandardCharsets.UTF_8));
                        }
                    }
                    case "header" -> {
                        if (sent) {
                            sentHeaders.put(p.getName(), value(contract, p));
                        }
                    }
                    default -> { }
                }
            }
            String contentType = null;
            byte[] body = null;
            JsonNode jsonBody = null;
            Schema<?> bodySchema = null;
            RequestBody rb = operation.getRequestBody();
            if (rb != null && rb.getContent() != null && !rb.getContent().isEmpty()) {
                Map.Entry<String, MediaType> media = rb.getContent().entrySet().iterator().next();
                contentType = media.getKey();
                if (media.getKey().contains("json") && media.getValue().getSchema() != null) {
                    bodySchema = media.getValue().getSchema();
                    jsonBody = values.synthesize(contract, bodySchema);
                    substitute(jsonBody, bodyFields);
                    body = json.writeValueAsBytes(jsonBody);
                } else {
                    body = entry.spec().operationId().getBytes(StandardCharsets.UTF_8);
                }
            }
            return new ContractRequest(entry.spec().method(), contract.basePath() + entry.spec().path(), pathValues,
                    query, sentHeaders, contentType, body, jsonBody, bodySchema);
        }

        private String value(Contract contract, Parameter p) {
            String given = parameters.get(p.getName());
            return given != null ? given : text(values.synthesize(contract, p.getSchema()));
        }
    }

    /** The values into the fields that name them, at any depth. */
    private static void substitute(JsonNode node, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode o) {
            for (String name : new ArrayList<>(o.propertyNames())) {
                String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
                String value = fields.containsKey(name) ? fields.get(name) : fields.get(snake);
                if (value != null && o.get(name).isValueNode()) {
                    o.put(name, value);
                } else {
                    substitute(o.get(name), fields);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(n -> substitute(n, fields));
        }
    }

    /** A parameter's text from a schema value: a scalar as is, an array's first item, anything else as JSON. */
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
