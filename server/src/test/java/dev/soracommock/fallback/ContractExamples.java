package dev.soracommock.fallback;

import dev.soracommock.contract.Contract;
import dev.soracommock.contract.ContractDocuments;
import dev.soracommock.support.OperationRequests;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract-valid values for tests (request bodies and parameters built from a contract's
 * schemas, examples first), with the same synthesiser the fallback uses for response bodies: the values of the requests
 * {@link OperationRequests} builds.
 */
public final class ContractExamples implements OperationRequests.Values {

    private final ContractDocuments documents;
    private final JsonMapper json;
    private final ExampleValues values;
    private final ResponseValidation validation;

    public ContractExamples(ContractDocuments documents, JsonMapper json) {
        this.documents = documents;
        this.json = json;
        this.values = new ExampleValues(json);
        this.validation = shared(documents);
    }

    private static ResponseValidation validation0;

    /** One set of schema validators for every test that synthesises values (each holds a contract's schemas). */
    private static synchronized ResponseValidation shared(ContractDocuments documents) {
        if (validation0 == null) {
            validation0 = new ResponseValidation(documents);
        }
        return validation0;
    }

    /** A value conforming to the schema of the contract; never {@code null}. */
    @Override
    public JsonNode synthesize(Contract contract, Schema<?> schema) {
        ExampleSynthesizer synthesizer = new ExampleSynthesizer(documents.openApi(contract).getComponents().getSchemas(),
                values, (value, s) -> validation.conforms(contract, json.writeValueAsString(value), s));
        return synthesizer.synthesize(schema);
    }
}
