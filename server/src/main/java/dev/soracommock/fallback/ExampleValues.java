package dev.soracommock.fallback;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the example and default values of the swagger model into Jackson 3 trees. swagger-parser hands them over in
 * whatever shape its Jackson 2 deserialiser and its schema-specific casts produced: Jackson 2 nodes for objects and
 * arrays, boxed scalars, {@link OffsetDateTime} for {@code date-time} and {@link Date} for {@code date} schemas.
 */
final class ExampleValues {

    /** RFC 3339 with seconds always present ({@code OffsetDateTime#toString()} drops zero seconds, which fails format checks). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JsonMapper json;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    ExampleValues(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param value  the model's value, possibly {@code null}
     * @param format the format of the schema it belongs to ({@code date} turns a {@link Date} into a calendar date),
     *               or {@code null}
     * @return the value as a tree, or {@code null} when there is none
     */
    JsonNode toTree(Object value, String format) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof com.fasterxml.jackson.databind.JsonNode legacy) {
            // Jackson 2 renders any node as valid JSON text; re-reading it is the simplest faithful conversion.
            return legacy.isMissingNode() ? null : json.readTree(legacy.toString());
        }
        if (value instanceof String s) {
            return nodes.textNode(s);
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return nodes.numberNode(i);
        }
        if (value instanceof BigDecimal d) {
            return nodes.numberNode(d);
        }
        if (value instanceof Number n) {
            return nodes.numberNode(n.doubleValue());
        }
        if (value instanceof OffsetDateTime t) {
            return nodes.textNode(DATE_TIME.format(t));
        }
        if (value instanceof Date d) {
            OffsetDateTime t = d.toInstant().atOffset(ZoneOffset.UTC);
            return nodes.textNode("date".equals(format) ? t.toLocalDate().toString() : DATE_TIME.format(t));
        }
        if (value instanceof LocalDate d) {
            return nodes.textNode(d.toString());
        }
        if (value instanceof byte[] bytes) {
            return nodes.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> {
                JsonNode child = toTree(v, null);
                object.set(String.valueOf(k), child == null ? nodes.nullNode() : child);
            });
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(v -> {
                JsonNode child = toTree(v, null);
                array.add(child == null ? nodes.nullNode() : child);
            });
            return array;
        }
        // UUID, URI and anything else the parser may produce serialise as their text form.
        return nodes.textNode(value.toString());
    }
}
