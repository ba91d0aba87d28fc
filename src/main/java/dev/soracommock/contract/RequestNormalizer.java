package dev.soracommock.contract;

import tools.jackson.databind.JsonNode;

/**
 * A leniency of the real API towards a real client, applied to a request body before it is validated: each one
 * names the operation and says which client sends what (see soracom-facts §6). Implementations are beans.
 */
public interface RequestNormalizer {

    /** The operationId whose bodies this normaliser sees. */
    String operationId();

    /** @return the body to validate and handle (may be {@code body} itself, changed in place) */
    JsonNode normalize(JsonNode body);
}
