package dev.soracommock.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.contract.SchemaCaches;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.lang.ref.SoftReference;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates every successful (2xx) response under {@code /v1} and {@code /esim-commerce/v1} against the contract of
 * its operation with the Atlassian validator; error responses are checked by the tests themselves to be Soracom's
 * {@code {code,message}} or the eSIM Commerce envelope (the contract documents
 * few error bodies, and some of those differ from what the real API sends). A response that does not match fails
 * the test with the validator's messages.
 */
public final class ContractResponseFilter implements Filter {

    /** Softly held: under memory pressure (the suite runs in 128 MB) they are dropped and rebuilt when needed. */
    private static final Map<String, SoftReference<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();

    /**
     * Answers whose real counterpart carries fields the contract does not declare, kept because clients read them
     * (soracom-facts §3.4: the sandbox's create answer has iccid, simId, moduleType, plan, type, sessionStatus).
     * Their declared fields are still validated; only undeclared ones are let through.
     */
    private static final List<String> UNDECLARED_FIELDS_OBSERVED = List.of("POST /v1/sandbox/subscribers/create");

    /**
     * Answers whose real status differs from the contract's: validated as if they had the documented status
     * (soracom-facts §3.5: register answers 200, the contract documents 201).
     */
    private static final Map<Pattern, Integer> STATUS_AS_DOCUMENTED = Map.of(
            Pattern.compile("POST /v1/subscribers/[^/]+/register"), 201);

    static OpenApiInteractionValidator validatorFor(String path) {
        return validatorFor(path, false);
    }

    static OpenApiInteractionValidator validatorFor(String path, boolean allowUndeclaredFields) {
        String file = path.startsWith("/esim-commerce/") ? "esim-commerce-sandbox-api.yaml"
                : path.startsWith("/_mock/") ? "mock-admin.yaml"
                : path.startsWith("/v1/sandbox/") ? "soracom-sandbox-api.yaml" : "soracom-api.yaml";
        Contract contract = Arrays.stream(Contract.values()).filter(c -> c.fileName().equals(file)).findFirst().orElseThrow();
        String key = file + allowUndeclaredFields;
        SoftReference<OpenApiInteractionValidator> held = VALIDATORS.get(key);
        OpenApiInteractionValidator validator = held == null ? null : held.get();
        if (validator == null) {
            LevelResolver.Builder levels = LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE);
            if (allowUndeclaredFields) {
                levels.withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
            }
            // the contract as createForInlineApiSpecification would load it, loaded once per JVM
            validator = SchemaCaches.checking(OpenApiInteractionValidator.createFor(ContractDocuments.asValidatorLoads(contract)))
                    .withLevelResolver(levels.build())
                    .withStrictOperationPathMatching()
                    .build();
            VALIDATORS.put(key, new SoftReference<>(validator));
        }
        return validator;
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        Response response = ctx.next(req, res);
        String path = URI.create(req.getURI()).getRawPath();
        boolean operation = path.startsWith("/v1/") || path.startsWith("/_mock/")
                || path.startsWith("/esim-commerce/v1/") && !path.equals("/esim-commerce/v1/openapi.yaml");
        if (response.statusCode() >= 200 && response.statusCode() < 300 && operation) {
            String call = req.getMethod() + " " + path;
            int status = response.statusCode();
            for (Map.Entry<Pattern, Integer> e : STATUS_AS_DOCUMENTED.entrySet()) {
                if (e.getKey().matcher(call).matches()) {
                    status = e.getValue();
                }
            }
            SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
            String ct = response.contentType();
            if (ct != null && !ct.isEmpty()) {
                b.withContentType(ct);
            }
            byte[] body = response.asByteArray();
            if (body.length > 0) {
                b.withBody(body);
            }
            ValidationReport report = validatorFor(path, UNDECLARED_FIELDS_OBSERVED.contains(call)).validateResponse(path, Request.Method.valueOf(req.getMethod()), b.build());
            if (report.hasErrors()) {
                throw new AssertionError("response of " + req.getMethod() + " " + path + " does not match the contract: "
                        + report.getMessages() + "\nbody: " + response.asString());
            }
        }
        return response;
    }
}
