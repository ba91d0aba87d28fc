package dev.soracommock.operator;

import dev.soracommock.contract.RequestNormalizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * soracom-cli's {@code configure-sandbox} sends {@code "coverageTypes": [""]} when no {@code --coverage-type} is
 * given (soracom-facts §1.5), which the contract's enum refuses; the real sandbox accepts it. Empty entries are
 * dropped before validation, and an operator without coverage types gets {@code jp}.
 */
@Component
class SandboxInitLeniency implements RequestNormalizer {

    @Override
    public String operationId() {
        return "sandboxInitializeOperator";
    }

    @Override
    public JsonNode normalize(JsonNode body) {
        if (body.get("coverageTypes") instanceof ArrayNode types) {
            for (int i = types.size() - 1; i >= 0; i--) {
                JsonNode t = types.get(i);
                if (t.isNull() || (t.isString() && t.asString().isBlank())) {
                    types.remove(i);
                }
            }
        }
        return body;
    }
}
