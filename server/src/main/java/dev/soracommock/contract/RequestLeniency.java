package dev.soracommock.contract;

import dev.soracommock.kernel.CachedBody;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request leniency policy: what the request step accepts beyond the letter of the contract, because real
 * clients send it and the real API takes it (soracom-facts §1, §6; soracom-dataplane-facts §1.4, §4), and what it
 * still refuses. Applied to the Soracom API and the API Sandbox (not to the eSIM Commerce API, nor to the
 * emulator's own control API), before the contract validator and the handler see the request, so that both see
 * the same, normalised request ({@link RequestValidator} calls it; the query parameters are replaced through the
 * request's {@link CachedBody}). The request journal and log keep the request as sent.
 * <p>
 * <b>Ignored</b> (never 400): query parameters and body fields the contract does not know (the Go SDK sends
 * {@code timeout_seconds} and {@code date}; the validator's {@code query.unexpected} and
 * {@code additionalProperties} are off), and {@code null} for an optional body field the contract does not let be
 * {@code null}: it is taken as absent, as a Spring backend's Jackson reads it (the Go SDK sends {@code null} for every
 * unset pointer, e.g. {@code "targetGroupId": null} in an event handler, and its tests pass on the sandbox; that the
 * real backend is a Spring application is an inference [INFER, soracom-facts §6]). A required field that is
 * {@code null} is still missing.
 * <p>
 * <b>Read as bytes:</b> a body the contract declares as {@code type: string, format: binary} (a Soralet module, a
 * Harvest file) is never parsed as JSON, whatever its Content-Type: the contract says to upload a module as
 * {@code application/json}, and soracom-cli sends it as {@code application/octet-stream} (dataplane facts §1.4).
 * <p>
 * <b>Normalised</b> to what the contract says, so the handler sees the contract's value:
 * <ul>
 * <li>a {@code limit} over the contract's maximum is clamped to it ({@code limit=1024} from the Ruby SDK,
 *     {@code limit=999} from the Swift SDK, soracom-facts §1.8);</li>
 * <li>a number written as a JSON string of digits ({@code "expiryTime": "1700000000000"} from the Go SDK, §1.10) is
 *     that number, wherever the contract expects an integer or a number in a body (query values are text anyway);</li>
 * <li>the aliases and other spellings of {@link #QUERY_ALIASES}, {@link #CASE_INSENSITIVE_QUERY} and
 *     {@link #BODY_ALIASES}, each with the client that sends it;</li>
 * <li>an {@code operatorId} query parameter the contract does not declare (the Ruby SDK sends it with every list)
 *     is dropped when it is the caller's own, and refused, 400 {@code AUM0016} "Invalid Operator Id.", when it is
 *     another's, as {@code /operators/{operator_id}/…} refuses another operator's ID. What the real API answers to
 *     another operator's ID there is not known [UNKNOWN, soracom-facts §6]: this is the emulator's choice.</li>
 * </ul>
 * <b>Still refused</b>, 400 {@code COM0008} naming the field: wrong types of known fields (text that is not a
 * number where a number is expected, a number where text is), missing required fields and parameters, enum values
 * that are not the contract's (nor one of the spellings above), and out-of-range values of known parameters other
 * than a too large {@code limit}. A {@code limit} below 1 is refused even where the contract sets no minimum (unless
 * its default is below 1, e.g. listDevices' -1): the real API answers {@code GET /sims?limit=-1} with a 500
 * (soracom-facts §5, KSSDK); the emulator answers 400, which soracom-cli does not retry.
 */
@Component
public class RequestLeniency {

    /** A query parameter name some client sends for one the contract declares; applied where the contract has the target. */
    record QueryAlias(String alias, String parameter, String source) {
    }

    static final List<QueryAlias> QUERY_ALIASES = List.of(
            new QueryAlias("type_filter", "speed_class_filter",
                    "the Go SDK's ListSubscribers sends type_filter (sdk.go ListSubscribersOptions), and the sandbox"
                            + " filters by it (soracom-facts §1.8, §4.2)"));

    /**
     * Query parameters whose enum values are matched regardless of case, then given in the contract's case:
     * {@code search_type}, which the contract documents as {@code and|or} while its own text for searchSims says
     * {@code AND}/{@code OR} (soracom-facts §4.6).
     */
    static final Set<String> CASE_INSENSITIVE_QUERY = Set.of("search_type");

    /**
     * A value some client sends in a body for one the contract declares, at a JSON pointer (* = every element of an
     * array); a null replacement drops the value from its array (and an alias of {@code ""} also drops {@code null}
     * elements).
     */
    record BodyAlias(Set<String> operationIds, String pointer, Map<String, String> values, String source) {
    }

    static final List<BodyAlias> BODY_ALIASES = List.of(
            new BodyAlias(Set.of("createEventHandler", "updateEventHandler"), "/ruleConfig/type",
                    Map.of("DailyTrafficRule", "SubscriberDailyTrafficRule",
                            "MonthlyTrafficRule", "SubscriberMonthlyTrafficRule",
                            "CumulativeTrafficRule", "SubscriberCumulativeTrafficRule"),
                    "the Go SDK still sends the rule types' former names (sdk.go EventHandlerRuleType…) and its"
                            + " end-to-end tests pass on the sandbox (soracom-dataplane-facts §4)"),
            new BodyAlias(Set.of("testSoralet"), "/encodingType", Map.of("plain", "text", "base64", "binary"),
                    "soracom-cli, the Orbit SDKs' test-uplink.json and Soracom's local runtime send the platform's"
                            + " names plain (and base64) for the contract's text (and binary) (soracom-dataplane-facts"
                            + " §1.3, §1.4)"),
            new BodyAlias(Set.of("sandboxInitializeOperator"), "/coverageTypes/*", nullValue(""),
                    "soracom-cli's configure-sandbox sends \"coverageTypes\": [\"\"] without --coverage-type"
                            + " (soracom-facts §1.5); the entry is dropped, and the operator gets jp"));

    private static Map<String, String> nullValue(String key) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put(key, null);
        return m;
    }

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

    private final ContractDocuments documents;
    private final Map<String, Rules> rules = new ConcurrentHashMap<>();

    RequestLeniency(ContractDocuments documents) {
        this.documents = documents;
    }

    /** Whether the policy applies to the operation's contract (the Soracom API and the API Sandbox). */
    static boolean appliesTo(Contract contract) {
        return contract == Contract.SORACOM || contract == Contract.SANDBOX;
    }

    /**
     * The query parameters as the validator and the handler are to see them, or null when they are as sent.
     *
     * @param caller the authenticated caller, or null
     * @throws ApiException 400 for another operator's {@code operatorId}, or a {@code limit} below 1
     */
    Map<String, String[]> parameters(Operations.Entry operation, Map<String, String[]> sent, Caller caller) {
        if (!appliesTo(operation.contract()) || sent.isEmpty()) {
            return null;
        }
        Rules r = rules(operation);
        Map<String, String[]> out = new LinkedHashMap<>(sent);
        boolean changed = false;
        for (QueryAlias alias : QUERY_ALIASES) {
            if (out.containsKey(alias.alias()) && !r.query().containsKey(alias.alias())
                    && r.query().containsKey(alias.parameter())) {
                String[] values = out.remove(alias.alias());
                out.putIfAbsent(alias.parameter(), values);
                changed = true;
            }
        }
        if (out.containsKey("operatorId") && !r.query().containsKey("operatorId") && caller != null) {
            for (String v : out.get("operatorId")) {
                if (!caller.operatorId().equals(v)) {
                    throw new ApiException(ErrorCode.INVALID_OPERATOR_ID);
                }
            }
            out.remove("operatorId");
            changed = true;
        }
        for (Map.Entry<String, String[]> p : out.entrySet()) {
            Schema<?> schema = r.query().get(p.getKey());
            if (schema == null) {
                continue;
            }
            if (CASE_INSENSITIVE_QUERY.contains(p.getKey()) && schema.getEnum() != null) {
                String[] values = p.getValue().clone();
                for (int i = 0; i < values.length; i++) {
                    values[i] = inContractCase(values[i], schema.getEnum());
                }
                if (!java.util.Arrays.equals(values, p.getValue())) {
                    p.setValue(values);
                    changed = true;
                }
            }
            if (p.getKey().equals("limit") && isInteger(schema)) {
                String[] values = p.getValue().clone();
                for (int i = 0; i < values.length; i++) {
                    values[i] = limit(values[i], schema);
                }
                if (!java.util.Arrays.equals(values, p.getValue())) {
                    p.setValue(values);
                    changed = true;
                }
            }
        }
        return changed ? out : null;
    }

    /** A page size: clamped to the contract's maximum; below 1 refused where the contract says nothing of it. */
    private static String limit(String value, Schema<?> schema) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException notAnInteger) {
            return value; // the validator refuses it
        }
        if (schema.getMaximum() != null && BigDecimal.valueOf(n).compareTo(schema.getMaximum()) > 0) {
            return schema.getMaximum().toBigInteger().toString();
        }
        boolean negativeDefault = schema.getDefault() instanceof Number d && d.longValue() < 1;
        if (n < 1 && schema.getMinimum() == null && !negativeDefault) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    "Query parameter 'limit': Numeric instance is lower than the required minimum (minimum: 1, found: " + n + ")");
        }
        return value;
    }

    private static String inContractCase(String value, List<?> values) {
        for (Object v : values) {
            if (v != null && v.toString().equalsIgnoreCase(value)) {
                return v.toString();
            }
        }
        return value;
    }

    /**
     * Whether the contract declares the operation's request body as bytes ({@code type: string, format: binary}): in
     * every contract, the control API's too (what a device sends, {@code POST /_mock/sims/{sim_id}/unified}).
     */
    boolean bytesBody(Operations.Entry operation) {
        return rules(operation).bytesBody();
    }

    /**
     * Applies the policy to a JSON body, in place where it can.
     *
     * @return the body to validate and handle, or null when it is unchanged
     */
    JsonNode body(Operations.Entry operation, JsonNode body) {
        if (!appliesTo(operation.contract())) {
            return null;
        }
        Rules r = rules(operation);
        boolean[] changed = {false};
        JsonNode out = body;
        if (r.jsonBody() != null) {
            JsonNode walked = walk(body, r.jsonBody(), r.components(), changed, 0);
            if (walked != null) {
                out = walked;
                changed[0] = true;
            }
        }
        for (BodyAlias alias : BODY_ALIASES) {
            if (alias.operationIds().contains(operation.spec().operationId())) {
                applyAlias(out, alias.pointer().substring(1).split("/"), 0, alias.values(), changed);
            }
        }
        return changed[0] ? out : null;
    }

    /**
     * Walks a value with its schema: numeric strings become numbers, nulls of optional non-nullable fields are
     * removed. Returns a replacement for {@code node} itself, or null to keep it (changed in place or not).
     */
    private static JsonNode walk(JsonNode node, Schema<?> raw, Components components, boolean[] changed, int depth) {
        Schema<?> schema = resolve(raw, components);
        if (schema == null || node == null || depth > 64) {
            return null;
        }
        if (schema.getAllOf() != null) {
            for (Schema<?> part : schema.getAllOf()) {
                JsonNode replaced = walk(node, part, components, changed, depth + 1);
                if (replaced != null) {
                    return replaced;
                }
            }
        }
        String type = type(schema);
        if (node.isString() && ("integer".equals(type) || "number".equals(type))) {
            String s = node.asString().trim();
            if (INTEGER.matcher(s).matches()) {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(s));
            }
            if ("number".equals(type) && DECIMAL.matcher(s).matches()) {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(s));
            }
            return null;
        }
        if (node instanceof ObjectNode object) {
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Schema<?> additional = schema.getAdditionalProperties() instanceof Schema<?> s ? s : null;
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                Schema<?> property = properties.get(name);
                if (property == null) {
                    property = additional;
                    if (property == null) {
                        continue;
                    }
                } else if (value.isNull() && !required.contains(name) && !nullable(property, components)) {
                    object.remove(name);
                    changed[0] = true;
                    continue;
                }
                JsonNode replaced = walk(value, property, components, changed, depth + 1);
                if (replaced != null) {
                    object.set(name, replaced);
                    changed[0] = true;
                }
            }
        } else if (node instanceof ArrayNode array && schema.getItems() != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = walk(array.get(i), schema.getItems(), components, changed, depth + 1);
                if (replaced != null) {
                    array.set(i, replaced);
                    changed[0] = true;
                }
            }
        }
        return null;
    }

    private static void applyAlias(JsonNode node, String[] pointer, int at, Map<String, String> values, boolean[] changed) {
        if (node == null || at >= pointer.length) {
            return;
        }
        String step = pointer[at];
        boolean last = at == pointer.length - 1;
        if (step.equals("*") && node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                JsonNode element = array.get(i);
                if (last) {
                    if ((element.isString() && values.containsKey(element.asString()))
                            || (element.isNull() && values.containsKey(""))) {
                        String to = element.isNull() ? null : values.get(element.asString());
                        if (to == null) {
                            array.remove(i);
                        } else {
                            array.set(i, JsonNodeFactory.instance.stringNode(to));
                        }
                        changed[0] = true;
                    }
                } else {
                    applyAlias(element, pointer, at + 1, values, changed);
                }
            }
        } else if (node instanceof ObjectNode object && object.get(step) != null) {
            JsonNode value = object.get(step);
            if (!last) {
                applyAlias(value, pointer, at + 1, values, changed);
            } else if (value.isString() && values.get(value.asString()) != null) {
                object.put(step, values.get(value.asString()));
                changed[0] = true;
            }
        }
    }

    // --- the contract, per operation ---

    /** What the policy needs of one operation: its query parameters' schemas and its request body's. */
    private record Rules(Map<String, Schema<?>> query, Schema<?> jsonBody, boolean bytesBody, Components components) {
    }

    private Rules rules(Operations.Entry operation) {
        return rules.computeIfAbsent(operation.spec().operationId(), id -> compile(operation));
    }

    private Rules compile(Operations.Entry operation) {
        OpenAPI api = documents.openApi(operation.contract());
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        PathItem item = api.getPaths().get(operation.spec().path());
        Operation o = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.spec().method()));
        Map<String, Schema<?>> query = new LinkedHashMap<>();
        Schema<?> jsonBody = null;
        boolean bytes = false;
        if (o != null) {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (o.getParameters() != null) {
                parameters.addAll(o.getParameters());
            }
            for (Parameter p : parameters) {
                if (p.get$ref() != null && components.getParameters() != null) {
                    p = components.getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
                }
                if (p != null && "query".equals(p.getIn())) {
                    query.put(p.getName(), resolve(p.getSchema(), components));
                }
            }
            if (o.getRequestBody() != null && o.getRequestBody().getContent() != null) {
                bytes = !o.getRequestBody().getContent().isEmpty();
                for (Map.Entry<String, MediaType> media : o.getRequestBody().getContent().entrySet()) {
                    Schema<?> s = media.getValue() == null ? null : resolve(media.getValue().getSchema(), components);
                    bytes &= s != null && "string".equals(type(s)) && "binary".equals(s.getFormat());
                    if (jsonBody == null && media.getKey().toLowerCase(Locale.ROOT).contains("json")) {
                        jsonBody = media.getValue() == null ? null : media.getValue().getSchema();
                    }
                }
            }
        }
        return new Rules(query, jsonBody, bytes, components);
    }

    /** The schema with its {@code $ref}s followed. */
    private static Schema<?> resolve(Schema<?> schema, Components components) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 16; hops++) {
            String ref = s.get$ref();
            s = components.getSchemas() == null ? null : components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    private static boolean nullable(Schema<?> property, Components components) {
        if (Boolean.TRUE.equals(property.getNullable())) {
            return true;
        }
        Schema<?> resolved = resolve(property, components);
        // a schema of no type (any JSON value) takes null too
        return resolved == null || Boolean.TRUE.equals(resolved.getNullable()) || type(resolved) == null
                || (resolved.getEnum() != null && resolved.getEnum().contains(null));
    }

    private static boolean isInteger(Schema<?> schema) {
        return "integer".equals(type(schema));
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : null;
    }
}
