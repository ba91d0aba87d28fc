package dev.soracommock.contract;

import dev.soracommock.kernel.PipelineStep;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.CachedBody;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.soracommock.config.MockProperties;
import io.swagger.v3.oas.models.PathItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 4 of every operation: the request is checked against its contract (required parameters and fields, types,
 * enums, formats, ranges) by the Atlassian contract validator; a violation is 400 COM0008 naming the field, before
 * any handler runs, so a refused request changes nothing. The request leniency policy ({@link RequestLeniency}) is
 * applied first, to what both the validator and the handler see. Credentials are checked earlier by the auth step,
 * so the validator's own security checks are off. A body the contract declares as bytes (a Soralet module, a
 * Harvest file) is never read as JSON, whatever its Content-Type.
 */
@Component
public class RequestValidator implements HandlerInterceptor, PipelineStep {

    @Override
    public Stage stage() {
        return Stage.VALIDATION;
    }

    private final Operations operations;
    private final boolean enabled;
    private final RequestLeniency leniency;
    private final Map<String, BodyCheckedByHandler> bodiesCheckedByHandler;
    private final JsonMapper json;
    private final ContractDocuments documents;
    private final Map<String, Boolean> withoutRequiredInput = new ConcurrentHashMap<>();
    /**
     * One validator per contract for the whole JVM: built over the shared parsed contract with the same settings in
     * every application context (tests start several), so contexts share it instead of holding one each.
     */
    private static final Map<Contract, OpenApiInteractionValidator> VALIDATORS = Collections.synchronizedMap(new EnumMap<>(Contract.class));

    RequestValidator(Operations operations, MockProperties properties, RequestLeniency leniency, JsonMapper json,
            ContractDocuments documents, List<BodyCheckedByHandler> bodiesCheckedByHandler) {
        this.bodiesCheckedByHandler = bodiesCheckedByHandler.stream()
                .collect(Collectors.toMap(BodyCheckedByHandler::operationId, Function.identity()));
        this.documents = documents;
        this.operations = operations;
        this.enabled = properties.validation();
        this.leniency = leniency;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var operation = operations.forHandler(handler).orElse(null);
        if (operation == null) {
            return true;
        }
        CachedBody cached = WebUtils.getNativeRequest(request, CachedBody.class);
        byte[] body = cached == null ? new byte[0] : cached.body();
        boolean bytes = leniency.bytesBody(operation);
        boolean jsonBody = !bytes && isJson(request);
        refuseNul(request, jsonBody ? body : new byte[0], operation.contract());
        if (cached != null) {
            Map<String, String[]> parameters = leniency.parameters(operation, request.getParameterMap(), CurrentCaller.of(request));
            if (parameters != null) {
                cached.replaceParameters(parameters);
            }
        }
        byte[] validated = body;
        BodyCheckedByHandler checkedByHandler = bodiesCheckedByHandler.get(operation.spec().operationId());
        if (checkedByHandler != null && body.length > 0 && jsonBody) {
            try {
                validated = checkedByHandler.validationView(body);
            } catch (JacksonException malformed) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, malformed.getOriginalMessage());
            }
        } else if (body.length > 0 && jsonBody) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (JacksonException malformed) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, malformed.getOriginalMessage());
            }
            JsonNode normalised = leniency.body(operation, node);
            if (normalised != null) {
                body = json.writeValueAsBytes(normalised);
                validated = body;
                cached.replace(body);
            }
        } else if (body.length > 0 && bytes && isJson(request)) {
            // bytes sent as application/json (what the contract says for a Soralet module): the validator, which
            // would read them as JSON, is shown a JSON text standing for them; the handler gets the bytes
            validated = json.writeValueAsBytes(body.length + " bytes");
        }
        if (!enabled || nothingToValidate(request, validated, operation)) {
            return true;
        }
        ValidationReport report = validator(operation.contract()).validateRequest(toValidatorRequest(request, validated));
        if (report.hasErrors()) {
            if (operation.contract() == Contract.ESIM) {
                throw ApiException.messages(ErrorCode.VALIDATION_FAILED, fieldMessages(report));
            }
            throw new ApiException(ErrorCode.VALIDATION_FAILED, describe(report));
        }
        return true;
    }

    private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(StandardCharsets.US_ASCII);

    /**
     * The NUL character (U+0000) in a query parameter or in a text of a JSON body is refused, 400 {@code COM0008}
     * naming where it is, whatever the database: PostgreSQL cannot store it in a text column, and a request must
     * not be stored by one database and fail on the other. What the real API does with it is not known
     * ([UNKNOWN]); no Soracom identifier, name or tag can hold it. Bodies of other media types (a Harvest file) may
     * hold any byte. A JSON body ({@code body}: empty when the body is not JSON) is walked only when its bytes hold the
     * escape <code>&#92;u0000</code>.
     */
    private void refuseNul(HttpServletRequest request, byte[] body, Contract contract) {
        String where = null;
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().indexOf(0) >= 0 || Arrays.stream(p.getValue()).anyMatch(v -> v.indexOf(0) >= 0)) {
                where = p.getKey().replace("\0", "");
                break;
            }
        }
        if (where == null && body.length > 0 && indexOf(body, ESCAPED_NUL) >= 0) {
            try {
                where = nulAt(json.readTree(body), "");
            } catch (JacksonException malformed) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, malformed.getOriginalMessage());
            }
        }
        if (where == null) {
            return;
        }
        if (contract == Contract.ESIM) {
            throw ApiException.messages(ErrorCode.VALIDATION_FAILED, List.of(where + " must not contain the NUL character"));
        }
        throw new ApiException(ErrorCode.VALIDATION_FAILED, where + ": the NUL character (U+0000) is not accepted");
    }

    /** The JSON pointer of the first text (value or field name) holding U+0000, or null. */
    private static String nulAt(JsonNode node, String pointer) {
        if (node.isString()) {
            return node.stringValue().indexOf(0) >= 0 ? (pointer.isEmpty() ? "/" : pointer) : null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = pointer + "/" + e.getKey().replace("\0", "");
                String found = e.getKey().indexOf(0) >= 0 ? at : nulAt(e.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The first index of {@code part} in {@code bytes}, or -1. Every occurrence covers exactly one of the indexes
     * {@code n-1, 2n-1, 3n-1, …} ({@code n}: the length of {@code part}), so only those bytes are read (a sixth of a
     * state document's 100 MB for <code>&#92;u0000</code>), and where one is a byte of {@code part}, the occurrences
     * that would hold it there are compared.
     */
    private static int indexOf(byte[] bytes, byte[] part) {
        int n = part.length;
        if (n == 0) {
            return 0;
        }
        boolean[] inPart = new boolean[256];
        for (byte b : part) {
            inPart[b & 0xff] = true;
        }
        for (int probe = n - 1; probe < bytes.length; probe += n) {
            byte b = bytes[probe];
            if (!inPart[b & 0xff]) {
                continue;
            }
            // the occurrences through this byte, from the earliest
            candidates:
            for (int q = n - 1; q >= 0; q--) {
                int start = probe - q;
                if (part[q] != b || start + n > bytes.length) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (bytes[start + j] != part[j]) {
                        continue candidates;
                    }
                }
                return start;
            }
        }
        return -1;
    }

    /**
     * A call that brings no body, no query and no path values to an operation that requires none (e.g. a plain
     * {@code GET /v1/subscribers}) gives the validator nothing to refuse: it is not asked (its operation look-up
     * alone is a scan of every path of the contract).
     */
    private boolean nothingToValidate(HttpServletRequest request, byte[] body, Operations.Entry operation) {
        if (body.length > 0 || request.getQueryString() != null || operation.spec().path().contains("{")) {
            return false;
        }
        return withoutRequiredInput.computeIfAbsent(operation.spec().operationId(), id -> !requiresInput(operation));
    }

    /** Whether the contract requires a parameter or a body of the operation (also when it cannot tell). */
    private boolean requiresInput(Operations.Entry operation) {
        PathItem item = documents.openApi(operation.contract()).getPaths().get(operation.spec().path());
        io.swagger.v3.oas.models.Operation o = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.spec().method()));
        if (o == null) {
            return true;
        }
        boolean requiredParameter = Stream.concat(
                        Optional.ofNullable(item.getParameters()).orElse(List.of()).stream(),
                        Optional.ofNullable(o.getParameters()).orElse(List.of()).stream())
                .anyMatch(p -> p.get$ref() != null || Boolean.TRUE.equals(p.getRequired()));
        boolean requiredBody = o.getRequestBody() != null
                && (o.getRequestBody().get$ref() != null || Boolean.TRUE.equals(o.getRequestBody().getRequired()));
        return requiredParameter || requiredBody;
    }

    private static boolean isJson(HttpServletRequest request) {
        String ct = request.getContentType();
        return ct == null || ct.toLowerCase().contains("json");
    }

    private static Request toValidatorRequest(HttpServletRequest request, byte[] body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(request.getMethod(), request.getRequestURI());
        if (body.length > 0) {
            b.withBody(body);
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            b.withHeader(name, Collections.list(request.getHeaders(name)));
        }
        request.getParameterMap().forEach((name, values) -> b.withQueryParam(name, values));
        return b.build();
    }

    /** The validator's messages, each naming the field or parameter it is about. */
    static String describe(ValidationReport report) {
        return String.join("; ", messages(report));
    }

    static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getMessage().replace('\n', ' '))
                .distinct()
                .limit(5)
                .toList();
    }

    private static final Pattern REGEX = Pattern.compile("regex \"(.+)\" does not match");
    private static final Pattern MISSING = Pattern.compile("\\(\\[(.*)]\\)");
    private static final Pattern BOUND = Pattern.compile("\\((?:maximum|minimum): ([^,)]+)");

    /**
     * The validator's messages in the style of the eSIM Commerce service's framework, each starting with the field it
     * is about: {@code "limit must not be greater than 200"}, {@code "planCode should not be empty"},
     * {@code "iccid must match /^\\d{19}$/ regular expression"}, else {@code "<field>: <the validator's message>"}.
     */
    static List<String> fieldMessages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .flatMap(m -> {
                    String field = m.getContext().flatMap(c -> c.getParameter().map(p -> p.getName())
                            .or(() -> c.getPointers().map(p -> p.getInstance().replaceFirst("^/", "").replace('/', '.'))))
                            .filter(f -> !f.isEmpty()).orElse(null);
                    String text = m.getMessage().replace('\n', ' ');
                    Matcher bound = BOUND.matcher(text);
                    if (field != null && m.getKey().endsWith(".maximum") && bound.find()) {
                        return Stream.of(field + " must not be greater than " + bound.group(1));
                    }
                    if (field != null && m.getKey().endsWith(".minimum") && bound.find()) {
                        return Stream.of(field + " must not be less than " + bound.group(1));
                    }
                    Matcher regex = REGEX.matcher(text);
                    if (field != null && m.getKey().endsWith(".pattern") && regex.find()) {
                        return Stream.of(field + " must match /" + regex.group(1) + "/ regular expression");
                    }
                    Matcher missing = MISSING.matcher(text);
                    if (m.getKey().endsWith(".required") && missing.find()) {
                        String prefix = field == null ? "" : field + ".";
                        return Arrays.stream(missing.group(1).split(","))
                                .map(name -> prefix + name.replace("\"", "").trim() + " should not be empty");
                    }
                    return Stream.of(field == null ? text : field + ": " + text);
                })
                .distinct()
                .limit(5)
                .toList();
    }

    private OpenApiInteractionValidator validator(Contract contract) {
        return VALIDATORS.computeIfAbsent(contract, c -> SchemaCaches.bounded(OpenApiInteractionValidator
                .createFor(documents.openApi(c)))
                .withLevelResolver(levels(c)
                        .build())
                // /files/{scope}/{path}/ and /files/{scope}/{path} are different operations
                .withStrictOperationPathMatching()
                .build());
    }

    /** What the validator refuses; the leniency policy's unknown query parameters only on the APIs it applies to. */
    private static LevelResolver.Builder levels(Contract contract) {
        LevelResolver.Builder levels = LevelResolver.create()
                        // credentials: checked by the auth step with Soracom's own codes
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        // real clients send "{}" or an empty body to operations that take none
                        .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                        // unknown fields are ignored, as the real API ignores them (the Go SDK sends timeout_seconds, date)
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        // soracom-cli sends no Content-Type on body-less calls
                        .withLevel("validation.request.contentType.missing", ValidationReport.Level.IGNORE);
        if (RequestLeniency.appliesTo(contract)) {
            // unknown query parameters are ignored, as the real API ignores them (RequestLeniency)
            levels.withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE);
        }
        return levels;
    }

    /** Builds the validators of the preloaded contracts in the background once the server is ready, ahead of the first request. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(() -> {
            for (Contract c : ContractDocuments.PRELOADED) {
                validator(c);
            }
        }, "validator-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
