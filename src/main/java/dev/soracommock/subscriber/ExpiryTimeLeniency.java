package dev.soracommock.subscriber;

import dev.soracommock.contract.RequestNormalizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Go SDK sends {@code expiryTime} as a numeric string ({@code "1700000000000"}, soracom-facts §6); the real API
 * accepts it. A string of digits becomes the number before validation. One bean per operation (both views).
 */
abstract class ExpiryTimeLeniency implements RequestNormalizer {

    @Override
    public JsonNode normalize(JsonNode body) {
        if (body instanceof ObjectNode o && o.get("expiryTime") != null && o.get("expiryTime").isString()) {
            String s = o.get("expiryTime").asString().trim();
            if (s.matches("-?\\d{1,18}")) {
                o.put("expiryTime", Long.parseLong(s));
            }
        }
        return body;
    }

    @Component
    static class ForSubscriber extends ExpiryTimeLeniency {
        @Override
        public String operationId() {
            return "setExpiryTime";
        }
    }

    @Component
    static class ForSim extends ExpiryTimeLeniency {
        @Override
        public String operationId() {
            return "setSimExpiryTime";
        }
    }
}
