package dev.soracommock.fallback;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.contract.SchemaCaches;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks candidate fallback bodies against the contracts with the Atlassian validator: whole responses against an
 * operation (the final word on an answer), and single values against a schema (used while synthesising). Both work
 * on contracts parsed once per JVM ({@link ContractDocuments}); each contract's validators are built on
 * first use, once per JVM, with small caches ({@link SchemaCaches}).
 */
final class ResponseValidation {

    private final ContractDocuments documents;
    // One set for the whole JVM (they depend only on the contracts, and tests start several application contexts),
    // softly held: answers are computed once per operation, so under memory pressure they are dropped and rebuilt.
    private static final Map<Contract, SoftReference<OpenApiInteractionValidator>> OPERATION_VALIDATORS = new ConcurrentHashMap<>();
    private static final Map<Contract, SoftReference<SchemaValidator>> SCHEMA_VALIDATORS = new ConcurrentHashMap<>();

    ResponseValidation(ContractDocuments documents) {
        this.documents = documents;
    }

    /** The error messages for answering the operation with this JSON body; empty when it conforms. */
    List<String> responseErrors(Contract contract, OperationSpec spec, int status, String json) {
        SimpleResponse response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(json)
                .build();
        ValidationReport report = operationValidator(contract)
                .validateResponse(concretePath(contract, spec), Request.Method.valueOf(spec.method()), response);
        return errors(report);
    }

    /** Whether the JSON value conforms to a schema of the contract's (parsed) document. */
    boolean conforms(Contract contract, String json, Schema<?> schema) {
        return !schemaValidator(contract).validate(json, schema, "fallback").hasErrors();
    }

    /**
     * The operation's path with every template variable filled, as a request would carry it. The validator
     * matches responses to operations by path, and a literal segment always wins over a variable, so any
     * non-empty text will do for the variables.
     */
    static String concretePath(Contract contract, OperationSpec spec) {
        return contract.basePath() + spec.path().replaceAll("\\{[^}/]+}", "x");
    }

    static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private OpenApiInteractionValidator operationValidator(Contract contract) {
        return softly(OPERATION_VALIDATORS, contract, c -> SchemaCaches.checking(OpenApiInteractionValidator
                .createFor(ContractDocuments.asValidatorLoads(c)))
                .withBasePathOverride(c.basePath())
                .build());
    }

    /** Built over the same parsed document the synthesiser walks, so its schemas' {@code $ref}s resolve. */
    private SchemaValidator schemaValidator(Contract contract) {
        return softly(SCHEMA_VALIDATORS, contract,
                c -> SchemaCaches.checkingSchemaValidator(documents.openApi(c), new MessageResolver()));
    }

    private static <T> T softly(Map<Contract, SoftReference<T>> cache, Contract contract, Function<Contract, T> build) {
        SoftReference<T> held = cache.get(contract);
        T value = held == null ? null : held.get();
        if (value == null) {
            value = build.apply(contract);
            cache.put(contract, new SoftReference<>(value));
        }
        return value;
    }
}
