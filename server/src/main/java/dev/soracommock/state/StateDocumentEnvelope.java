package dev.soracommock.state;

import dev.soracommock.contract.BodyCheckedByHandler;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /_mock/state}: the contract validator checks the document's envelope (format, version, clock, that
 * {@code tables} is an object) and {@link StateTransfer} checks every row against the database schema, so the
 * validator is not made to walk hundreds of thousands of rows. The rows are still read by the JSON parser here, so
 * a malformed document is refused as such.
 */
@Component
class StateDocumentEnvelope implements BodyCheckedByHandler {

    private final JsonMapper json;

    StateDocumentEnvelope(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String operationId() {
        return "importState";
    }

    @Override
    public byte[] validationView(byte[] body) {
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                // not an object: let the validator say so
                return json.writeValueAsBytes(json.readTree(body));
            }
            ObjectNode envelope = json.createObjectNode();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("tables") && value == JsonToken.START_OBJECT) {
                    p.skipChildren();
                    envelope.set(name, json.createObjectNode());
                } else {
                    JsonNode node = p.readValueAsTree();
                    envelope.set(name, node);
                }
            }
            while (p.nextToken() != null) {
                // trailing content is reported by the parser
            }
            return json.writeValueAsBytes(envelope);
        }
    }
}
