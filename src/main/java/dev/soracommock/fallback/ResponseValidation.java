package dev.soracommock.fallback;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.contract.OperationSpec;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks candidate fallback bodies against the contracts with the Atlassian validator: whole responses against an
 * operation (the final word on an answer), and single values against a schema (used while synthesising). Each
 * contract's validators are built on first use: parsing the large contract takes about a second.
 */
final class ResponseValidation {

    private final ContractDocuments documents;
    private final Map<Contract, OpenApiInteractionValidator> operationValidators = new ConcurrentHashMap<>();
    private final Map<Contract, SchemaValidator> schemaValidators = new ConcurrentHashMap<>();

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
        return operationValidators.computeIfAbsent(contract, c -> OpenApiInteractionValidator
                .createForInlineApiSpecification(ContractDocuments.text(c))
                .withBasePathOverride(c.basePath())
                .build());
    }

    /** Built over the same parsed document the synthesiser walks, so its schemas' {@code $ref}s resolve. */
    private SchemaValidator schemaValidator(Contract contract) {
        return schemaValidators.computeIfAbsent(contract,
                c -> new SchemaValidator(documents.openApi(c), new MessageResolver()));
    }
}
