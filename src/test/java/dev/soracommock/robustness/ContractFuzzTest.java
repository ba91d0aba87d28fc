package dev.soracommock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.Operations;
import dev.soracommock.coverage.CoverageReport;
import dev.soracommock.fallback.ContractExamples;
import dev.soracommock.support.ApiTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fuzzer driven by the parsed contracts: for every operation of every contract, requests its contract refuses or
 * that are odd (required fields missing, unknown fields, wrong types, out-of-range and non-finite numbers, 100 KB
 * strings, malformed JSON, invalid UTF-8 in the body and the path, odd path segments and query values) are sent
 * with valid credentials. Every answer must be below 500 and, when an error, in the API's own form
 * ({@link ErrorForm}); and a request that is refused (4xx), or answered by the stateless fallback, must change
 * nothing: every row of every table ({@link TableDigest}) is the same after it as before.
 *
 * <p>Mutations are chosen by a seeded {@link Random}, one per operation derived from the run's seed, so a run is
 * reproduced with {@code -Dfuzz.seed=<seed>} (every failure names the seed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("fuzz.seed", System.currentTimeMillis());

    /** Operations that end the caller's session or operator: each is fuzzed with an operator of its own. */
    private static final Set<String> DESTRUCTIVE = Set.of("logout", "revokeOperatorAuthTokens", "sandboxDeleteOperator");

    private static final int MUTATIONS_PER_OPERATION = 5;

    private static final String HUGE = "x".repeat(100 * 1024);

    /** Odd path segments as sent on the wire (percent-encoded where the bytes are not URL characters). */
    private static final List<String> ODD_SEGMENTS = List.of("..", ".", "%2e%2e", "%2F", "a%2Fb", "..%2F..%2Fetc",
            "%00", "a%00b", "%FF%FE", "%C3%28", "x".repeat(1000), "y".repeat(9000),
            "%E6%97%A5%E6%9C%AC%F0%9F%98%80", "", "%20", "%25", "%5C", "null", "-1", "99999999999999999999999",
            "%3Cscript%3E", "'%20OR%201%3D1--");

    /** Odd query values as sent on the wire. */
    private static final List<String> ODD_QUERY_VALUES = List.of("abc", "-1", "-9223372036854775809",
            "99999999999999999999999", "NaN", "Infinity", "1e400", "0.5", "%00", "%FF", "", "true", "%5B%5D",
            "z".repeat(9000));

    private static final List<String> MALFORMED_JSON = List.of("{", "{\"a\":}", "[1,", "{\"a\":1}}", "nul", "{'a':1}",
            "{\"a\":\"unterminated}", "\u0000", "{\"a\":01}", "{\"a\":NaN}");

    @Autowired
    Operations operations;

    @Autowired
    ContractDocuments documents;

    @Autowired
    CoverageReport coverage;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private ContractExamples examples;
    private TableDigest digest;
    private RawHttp http;
    private Set<String> stateful;
    private Operator shared;
    private int requests;
    private int inconclusive;

    @TestFactory
    Stream<DynamicTest> refusedRequestsAnswerInTheApisFormAndChangeNothing() {
        // the emulated APIs; the control API (/_mock) is left out: an accepted mutation of it (a reset, a fault) would
        // change what every later request sees
        List<Operations.Entry> emulated = operations.all().stream().filter(e -> e.contract().emulated()).toList();
        assertThat(emulated).hasSize(498);
        examples = new ContractExamples(documents, json);
        digest = new TableDigest(jdbc);
        http = new RawHttp(port);
        stateful = coverage.summary().rows().stream().filter(r -> r.state() == CoverageReport.State.STATEFUL)
                .map(CoverageReport.Row::operationId).collect(Collectors.toSet());
        return emulated.stream().map(entry -> DynamicTest.dynamicTest(
                entry.contract().name().toLowerCase() + " " + entry.spec().operationId(), () -> fuzz(entry)));
    }

    /** The control: an accepted write shows in the digest, so a refused request that wrote would be seen. */
    @org.junit.jupiter.api.Test
    void theDigestSeesEveryWrite() {
        TableDigest control = new TableDigest(jdbc);
        Operator op = newOperator();
        Map<String, TableDigest.Table> before = control.take();

        as(op).contentType("application/json").body("{\"tags\":{\"name\":\"digest-control\"}}").post("/v1/groups")
                .then().statusCode(201);
        Map<String, TableDigest.Table> afterCreate = control.take();
        assertThat(TableDigest.changes(before, afterCreate)).isNotEmpty();
        assertThat(TableDigest.changes(afterCreate, control.take())).isEmpty();
    }

    @AfterAll
    void summary() {
        System.out.printf("ContractFuzzTest: seed %d, %d requests, %d refused-request runs not checkable (an accepted "
                + "request among them)%n", SEED, requests, inconclusive);
    }

    private void fuzz(Operations.Entry entry) {
        OperationSpec spec = entry.spec();
        Random random = new Random(SEED ^ spec.operationId().hashCode());
        Operator op = DESTRUCTIVE.contains(spec.operationId()) ? newOperator() : sharedOperator();
        OpenAPI api = documents.openApi(entry.contract());
        Operation operation = api.getPaths().get(spec.path()).readOperationsMap().get(PathItem.HttpMethod.valueOf(spec.method()));
        Base base = base(entry, operation, op);
        List<Mutation> mutations = mutations(entry, operation, base, api, random);

        List<String> problems = new ArrayList<>();
        boolean isStateful = stateful.contains(spec.operationId());
        Map<String, TableDigest.Table> before = digest.take();
        List<RawHttp.Call> run = new ArrayList<>();
        boolean runHasAccepted = false;
        boolean acceptedAny = false;
        for (Mutation m : mutations) {
            if (isStateful && m.mayBeAccepted() && !run.isEmpty()) {
                // close the run of refused requests before one that may legitimately change state
                runHasAccepted = check(before, run, runHasAccepted, problems);
                before = digest.take();
                run.clear();
                runHasAccepted = false;
            }
            RawHttp.Answer answer = http.send(m.call());
            requests++;
            String problem = ErrorForm.problem(m.call(), answer, json);
            if (problem != null) {
                problems.add(m.what() + ": " + m.call() + " → " + problem);
            }
            boolean changesNothing = answer.status() >= 400 || answer.header("X-Soracom-Mock-Fallback") != null;
            acceptedAny |= !changesNothing;
            if (!changesNothing && isStateful) {
                runHasAccepted = true;
            }
            run.add(m.call());
        }
        check(before, run, runHasAccepted, problems);
        assertThat(problems).as("%s %s (seed %d, reproduce with -Dfuzz.seed=%d)", spec.method(), spec.path(), SEED, SEED)
                .isEmpty();
        if (op == shared && isStateful && acceptedAny && as(op).get("/v1/operators/" + op.operatorId()).statusCode() != 200) {
            shared = null; // the operation ended the shared operator's session: the next one gets a fresh operator
        }
    }

    /** Compares the digest after a run of requests to the one before it, unless a request in it was accepted. */
    private boolean check(Map<String, TableDigest.Table> before, List<RawHttp.Call> run, boolean runHasAccepted,
            List<String> problems) {
        if (run.isEmpty()) {
            return false;
        }
        if (runHasAccepted) {
            inconclusive++;
            return false;
        }
        List<String> changed = TableDigest.changes(before, digest.take());
        if (!changed.isEmpty()) {
            problems.add("refused requests changed " + changed + "; the requests: "
                    + run.stream().map(RawHttp.Call::toString).collect(Collectors.joining(" | ")));
        }
        return false;
    }

    // --- a valid request, then its mutations ---

    /** The valid request the mutations start from. */
    private record Base(String method, String pathTemplate, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, String contentType, JsonNode body, Schema<?> bodySchema) {

        String path(Map<String, String> values) {
            String p = pathTemplate;
            for (Map.Entry<String, String> e : values.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue());
            }
            return p;
        }

        String query(Map<String, String> q) {
            return q.isEmpty() ? "" : "?" + q.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&"));
        }
    }

    private record Mutation(String what, RawHttp.Call call, boolean mayBeAccepted) {
    }

    private Base base(Operations.Entry entry, Operation operation, Operator op) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Soracom-API-Key", op.apiKey());
        headers.put("X-Soracom-Token", op.token());
        if (entry.contract() == Contract.ESIM) {
            headers.put("X-API-Key", "fuzz-" + entry.spec().operationId()); // own key: rate limits count per key
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : parameters(operation)) {
            String value = p.getName().equals("operator_id") ? op.operatorId() : text(examples.synthesize(entry.contract(), p.getSchema()));
            switch (p.getIn()) {
                case "path" -> pathValues.put(p.getName(), UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
                case "query" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        query.put(p.getName(), UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        headers.put(p.getName(), value);
                    }
                }
                default -> { }
            }
        }
        String contentType = null;
        JsonNode body = null;
        Schema<?> bodySchema = null;
        RequestBody rb = operation.getRequestBody();
        if (rb != null && rb.getContent() != null && !rb.getContent().isEmpty()) {
            Map.Entry<String, MediaType> media = rb.getContent().entrySet().iterator().next();
            contentType = media.getKey();
            if (media.getKey().contains("json") && media.getValue().getSchema() != null) {
                bodySchema = media.getValue().getSchema();
                body = examples.synthesize(entry.contract(), bodySchema);
            }
        }
        return new Base(entry.spec().method(), entry.contract().basePath() + entry.spec().path(), pathValues, query,
                headers, contentType, body, bodySchema);
    }

    private List<Mutation> mutations(Operations.Entry entry, Operation operation, Base base, OpenAPI api, Random random) {
        List<Mutation> out = new ArrayList<>();
        String path = base.path(base.pathValues()) + base.query(base.query());
        Map<String, Schema> components = api.getComponents() == null ? Map.of() : api.getComponents().getSchemas();

        // --- the body ---
        String jsonType = base.contentType() != null && base.contentType().contains("json") ? base.contentType() : "application/json";
        out.add(body("malformed JSON", base, path, jsonType, pick(MALFORMED_JSON, random).getBytes(StandardCharsets.UTF_8), false));
        out.add(body("invalid UTF-8 in the body", base, path, jsonType, invalidUtf8(base.body()), false));
        if (base.body() != null) {
            Schema<?> schema = flatten(base.bodySchema(), components);
            if (base.body().isObject()) {
                out.add(body("not an object", base, path, jsonType,
                        pick(List.of("[]", "\"text\"", "42", "null", "true", "[{}]"), random).getBytes(StandardCharsets.UTF_8), false));
                Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                for (String name : pickSome(required, 2, random)) {
                    ObjectNode copy = ((ObjectNode) base.body()).deepCopy();
                    copy.remove(name);
                    out.add(body("required field " + name + " missing", base, path, jsonType, bytes(copy), false));
                }
                List<String> names = new ArrayList<>(properties.keySet());
                for (String name : pickSome(names, 2, random)) {
                    ObjectNode copy = ((ObjectNode) base.body()).deepCopy();
                    Schema<?> ps = flatten(properties.get(name), components);
                    copy.set(name, wrongType(typeOf(ps), random));
                    out.add(body("field " + name + " of the wrong type", base, path, jsonType, bytes(copy), false));
                }
                List<String> numeric = names.stream()
                        .filter(n -> List.of("integer", "number").contains(String.valueOf(typeOf(flatten(properties.get(n), components))))).toList();
                for (String name : pickSome(numeric, 2, random)) {
                    ObjectNode copy = ((ObjectNode) base.body()).deepCopy();
                    String raw = pick(List.of("-1", "-9223372036854775809", "9223372036854775808", "1e308", "1e400",
                            "-1e400", "0.5", "\"NaN\"", "\"Infinity\"", "99999999999999999999999999999999"), random);
                    // written as text: Jackson cannot hold 1e400 or an out-of-range integer literal as a number
                    copy.remove(name);
                    String rest = bytesToString(copy).replaceFirst("\\}$", "").replaceFirst("^\\{", "");
                    String withNumber = "{\"" + name + "\":" + raw + (rest.isEmpty() ? "" : "," + rest) + "}";
                    out.add(body("field " + name + " = " + raw, base, path, jsonType, withNumber.getBytes(StandardCharsets.UTF_8), false));
                }
                List<String> strings = names.stream().filter(n -> "string".equals(typeOf(flatten(properties.get(n), components)))).toList();
                for (String name : pickSome(strings, 1, random)) {
                    ObjectNode copy = ((ObjectNode) base.body()).deepCopy();
                    copy.put(name, HUGE);
                    // a 100 KB value may be within the contract (no maxLength): the request may be accepted
                    out.add(body("field " + name + " of 100 KB", base, path, jsonType, bytes(copy), true));
                }
                ObjectNode extra = ((ObjectNode) base.body()).deepCopy();
                extra.put("fuzzUnknownField" + random.nextInt(1000), pick(List.of("x", "1"), random));
                extra.set("fuzzUnknownObject", nodes.objectNode().put("a", 1));
                out.add(body("unknown fields", base, path, jsonType, bytes(extra), true));
            } else if (base.body().isArray()) {
                out.add(body("an object instead of an array", base, path, jsonType, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), false));
                ArrayNode huge = nodes.arrayNode();
                huge.add(HUGE);
                out.add(body("an array of a 100 KB string", base, path, jsonType, bytes(huge), true));
            }
        }

        // --- the query ---
        for (Parameter p : pickSome(parameters(operation).stream().filter(p -> "query".equals(p.getIn())).toList(), 2, random)) {
            Map<String, String> q = new LinkedHashMap<>(base.query());
            String value = pick(ODD_QUERY_VALUES, random);
            q.put(p.getName(), value);
            out.add(new Mutation("query " + p.getName() + "=" + ErrorForm.shorten(value),
                    call(base, base.path(base.pathValues()) + base.query(q), base.body() == null ? new byte[0] : bytes(base.body()), base.contentType()),
                    true));
        }

        // --- the path ---
        for (String name : pickSome(new ArrayList<>(base.pathValues().keySet()), 2, random)) {
            if (name.equals("operator_id")) {
                continue; // another operator's ID is refused by the auth step: covered by the isolation sweep
            }
            for (String segment : pickSome(ODD_SEGMENTS, 2, random)) {
                Map<String, String> values = new LinkedHashMap<>(base.pathValues());
                values.put(name, segment);
                out.add(new Mutation("path " + name + "=" + ErrorForm.shorten(segment),
                        call(base, base.path(values) + base.query(base.query()), base.body() == null ? new byte[0] : bytes(base.body()),
                                base.contentType()), true));
            }
        }
        // a bounded number per operation, chosen by the seed: every kind still meets hundreds of operations per run
        java.util.Collections.shuffle(out, random);
        return out.subList(0, Math.min(MUTATIONS_PER_OPERATION, out.size()));
    }

    private Mutation body(String what, Base base, String path, String contentType, byte[] body, boolean mayBeAccepted) {
        return new Mutation(what, call(base, path, body, contentType), mayBeAccepted);
    }

    private static RawHttp.Call call(Base base, String pathAndQuery, byte[] body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        if (body.length > 0) {
            headers.put("Content-Type", contentType == null ? "application/json" : contentType);
        }
        return new RawHttp.Call(base.method(), pathAndQuery, headers, body);
    }

    /** The valid body (or {@code {}}) with invalid UTF-8 bytes in its first string value, or in a field of its own. */
    private byte[] invalidUtf8(JsonNode body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = body != null && body.isObject() && !body.isEmpty() ? bytesToString(body) : "{}";
        int quote = text.indexOf(":\"");
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        if (quote >= 0) {
            out.writeBytes(text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(text.substring(quote + 2).getBytes(StandardCharsets.UTF_8));
        } else {
            out.writeBytes("{\"fuzz\":\"".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private JsonNode wrongType(String type, Random random) {
        List<JsonNode> candidates = switch (type == null ? "" : type) {
            case "string" -> List.of(nodes.numberNode(12345), nodes.booleanNode(true), nodes.objectNode().put("a", 1), nodes.arrayNode().add(1));
            case "integer", "number" -> List.of(nodes.stringNode("abc"), nodes.booleanNode(false), nodes.arrayNode(), nodes.objectNode());
            case "boolean" -> List.of(nodes.stringNode("yes"), nodes.numberNode(2), nodes.objectNode());
            case "array" -> List.of(nodes.objectNode().put("a", 1), nodes.stringNode("[]"), nodes.numberNode(1));
            case "object" -> List.of(nodes.arrayNode().add(1), nodes.stringNode("{}"), nodes.numberNode(1));
            default -> List.of(nodes.arrayNode().add(nodes.objectNode()), nodes.numberNode(-1));
        };
        return pick(candidates, random);
    }

    // --- contract helpers ---

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    /** The schema with $refs followed and allOf merged (properties and required only: what the mutations need). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> flatten(Schema<?> raw, Map<String, Schema> components) {
        Schema<?> schema = raw;
        for (int hops = 0; schema != null && schema.get$ref() != null && hops < 16; hops++) {
            String ref = schema.get$ref();
            schema = components.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema == null) {
            return new Schema<>();
        }
        if (schema.getAllOf() == null || schema.getAllOf().isEmpty()) {
            return schema;
        }
        Schema<Object> merged = new Schema<>();
        Map<String, Schema> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Schema part : schema.getAllOf()) {
            Schema<?> f = flatten(part, components);
            if (f.getProperties() != null) {
                properties.putAll(f.getProperties());
            }
            if (f.getRequired() != null) {
                required.addAll(f.getRequired());
            }
        }
        merged.setProperties(properties);
        merged.setRequired(required);
        merged.setType("object");
        return merged;
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : null;
    }

    // --- small things ---

    private Operator sharedOperator() {
        if (shared == null) {
            shared = newOperator();
        }
        return shared;
    }

    private byte[] bytes(JsonNode node) {
        return json.writeValueAsBytes(node);
    }

    private String bytesToString(JsonNode node) {
        return json.writeValueAsString(node);
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static <T> List<T> pickSome(List<T> list, int n, Random random) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
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
