package dev.soracommock.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.contract.SchemaCaches;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether one answer of the emulator is one that a client generated from the contract accepts: every 2xx and 4xx
 * answer under {@code /v1}, {@code /esim-commerce/v1} and {@code /_mock} is validated against its operation in the
 * project's contracts (which keep the published types and nullability, tools/DeriveContract) with the Atlassian
 * validator, strictly (no undeclared property, no {@code null} the contract does not allow, enums, formats, required
 * properties). A 4xx is also checked to be in the API's own error form ({@link ErrorForm}); the contracts document few
 * error statuses (the real API answers 401, 404 or 429 to any operation), so an undocumented 4xx status is accepted,
 * a documented one is validated against what the contract says.
 *
 * <p>Two answers are validated as the real API gives them, not as the contract says, each with its source:
 * <ul>
 *   <li>{@code POST /v1/subscribers/{imsi}/register} answers 200 where the contract documents 201 (soracom-facts §3.5:
 *   the real sandbox answers 200; the Go SDK and the Terraform provider require it): validated as the 201.</li>
 *   <li>{@code POST /v1/sandbox/subscribers/create} carries {@code iccid}, {@code simId}, {@code moduleType},
 *   {@code plan}, {@code type} and {@code sessionStatus}, which the contract does not declare (soracom-facts §3.4:
 *   the real sandbox's answer has them and clients read them): undeclared properties are let through there.</li>
 * </ul>
 */
public final class AnswerCheck {

    private AnswerCheck() {
    }

    /** Softly held: under memory pressure (the suite runs in 128 MB) they are dropped and rebuilt when needed. */
    private static final Map<Contract, SoftReference<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();

    private static final Pattern REGISTER = Pattern.compile("POST /v1/subscribers/[^/]+/register");
    private static final String SANDBOX_CREATE = "POST /v1/sandbox/subscribers/create";

    private static final String NO_OPERATION = "validation.request.path.missing";
    private static final String NO_METHOD = "validation.request.operation.notAllowed";

    /** Validator messages that do not apply to an error answer (see the class comment). */
    private static final Set<String> NOT_FOR_ERRORS = Set.of("validation.response.status.unknown",
            "validation.response.body.unexpected");

    /** Whether answers to this path are checked: the operations of the contracts. */
    public static boolean applies(String path) {
        return path.startsWith("/v1/") || path.startsWith("/_mock/")
                || path.startsWith("/esim-commerce/v1/") && !path.equals("/esim-commerce/v1/openapi.yaml");
    }

    /** Whether an answer with this status is checked: 2xx and 4xx (5xx and redirects are other tests' business). */
    public static boolean checked(int status) {
        return status >= 200 && status < 300 || status >= 400 && status < 500;
    }

    /** What is wrong with the answer; empty when a strict client accepts it. */
    public static List<String> problems(String method, String path, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        boolean error = status >= 400;
        if (error) {
            String form = ErrorForm.problem(method, path, status, contentType, body);
            if (form != null) {
                problems.add(form);
            }
        }
        String call = method + " " + path;
        int asDocumented = status == 200 && REGISTER.matcher(call).matches() ? 201 : status;
        SimpleResponse.Builder b = SimpleResponse.Builder.status(asDocumented);
        if (contentType != null && !contentType.isEmpty()) {
            b.withContentType(contentType);
        }
        if (body.length > 0) {
            b.withBody(body);
        }
        SimpleResponse response = b.build();
        Contract contract = Contract.ofPath(path);
        ValidationReport report = validator(contract).validateResponse(path, Request.Method.valueOf(method), response);
        if (contract == Contract.SORACOM && missing(report)) {
            // the Soracom API and its sandbox share /v1: an operation not in the one is in the other
            report = validator(Contract.SANDBOX).validateResponse(path, Request.Method.valueOf(method), response);
        }
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (error && NOT_FOR_ERRORS.contains(m.getKey())) {
                continue;
            }
            if (m.getKey().equals(NO_OPERATION) || m.getKey().equals(NO_METHOD)) {
                continue; // no such operation: the 404 or 405 is checked for its form above
            }
            if (call.equals(SANDBOX_CREATE) && m.getKey().endsWith(".additionalProperties")) {
                continue;
            }
            problems.add(m.getKey() + ": " + m.getMessage().replace('\n', ' '));
        }
        return problems;
    }

    private static boolean missing(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals(NO_OPERATION));
    }

    private static OpenApiInteractionValidator validator(Contract contract) {
        SoftReference<OpenApiInteractionValidator> held = VALIDATORS.get(contract);
        OpenApiInteractionValidator validator = held == null ? null : held.get();
        if (validator == null) {
            // the contract as createForInlineApiSpecification would load it, loaded once per JVM
            validator = SchemaCaches.checking(OpenApiInteractionValidator.createFor(ContractDocuments.asValidatorLoads(contract)))
                    .withStrictOperationPathMatching()
                    .build();
            VALIDATORS.put(contract, new SoftReference<>(validator));
        }
        return validator;
    }
}
