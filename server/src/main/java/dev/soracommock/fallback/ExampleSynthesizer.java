package dev.soracommock.fallback;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a value that conforms to a contract schema, for operations whose response has no usable example.
 * Each value is, in order of preference: the schema's own {@code example}, its first {@code enum} value, its
 * {@code default}, or a placeholder by type and format. Objects get every property (clients see the full shape);
 * beyond {@link #MAX_DEPTH} nesting levels only required properties are kept and arrays stay empty, which bounds
 * recursive schemas.
 *
 * <p>The contract's examples and defaults are not always faithful to their schemas (text where an integer is
 * declared, values outside an enum), and its {@code oneOf}s list loosely specified object alternatives that the
 * same value may match. So every value taken from the contract, and every {@code oneOf}/{@code anyOf} alternative, is
 * checked with a {@link SchemaCheck} before it is used; an optional property without a conforming value is left
 * out rather than made invalid.
 */
final class ExampleSynthesizer {

    /** Nesting depth after which optional properties are cut and arrays left empty. */
    static final int MAX_DEPTH = 6;

    /** Past this depth even required properties stop (only a contract with required recursion gets here). */
    private static final int GIVE_UP_DEPTH = MAX_DEPTH + 8;

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    /** Fixed instant behind every date-like placeholder, so bodies are stable across runs. */
    private static final LocalDateTime PLACEHOLDER_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** Whether a candidate value conforms to a schema (the response validator's schema check). */
    @FunctionalInterface
    interface SchemaCheck {
        boolean accepts(JsonNode value, Schema<?> schema);
    }

    private final Map<String, Schema> components;
    private final ExampleValues values;
    private final SchemaCheck check;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /**
     * @param components the contract's {@code components.schemas}, against which {@code $ref}s resolve
     */
    ExampleSynthesizer(Map<String, Schema> components, ExampleValues values, SchemaCheck check) {
        this.components = components == null ? Map.of() : components;
        this.values = values;
        this.check = check;
    }

    /** A value for the schema; never {@code null}. */
    JsonNode synthesize(Schema<?> schema) {
        return value(schema, 0, false);
    }

    /**
     * @param omittable whether the caller can do without a value (an optional property, the item of an array that
     *                  may be empty); only then is {@code null} returned, when no conforming value is found
     */
    private JsonNode value(Schema<?> raw, int depth, boolean omittable) {
        Schema<?> schema = flatten(raw);
        if (notEmpty(schema.getOneOf())) {
            return alternative(schema, schema.getOneOf(), depth, omittable);
        }
        if (notEmpty(schema.getAnyOf())) {
            return alternative(schema, schema.getAnyOf(), depth, omittable);
        }
        JsonNode preset = preset(schema);
        if (preset != null) {
            return preset;
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth, omittable);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> nodes.booleanNode(false);
            default -> nodes.textNode(string(schema));
        };
    }

    /**
     * The first alternative whose value satisfies the whole composite. For {@code oneOf} that means matching no
     * other alternative: the contract's object alternatives declare no required properties, so only the
     * validator's ban on undeclared properties tells them apart, and overlapping ones may never qualify.
     */
    private JsonNode alternative(Schema<?> composite, List<Schema> alternatives, int depth, boolean omittable) {
        JsonNode first = null;
        for (Schema<?> alternative : alternatives) {
            JsonNode candidate = value(alternative, depth, false);
            if (check.accepts(candidate, composite)) {
                return candidate;
            }
            first = first == null ? candidate : first;
        }
        return omittable ? null : first;
    }

    /** The contract's own value for the schema (example, enum, default), if it conforms. */
    private JsonNode preset(Schema<?> schema) {
        JsonNode example = values.toTree(schema.getExample(), schema.getFormat());
        if (example != null && !example.isNull() && check.accepts(example, schema)) {
            return example;
        }
        if (notEmpty(schema.getEnum())) {
            // Enum values are the schema's own definition of validity; no check needed.
            for (Object candidate : schema.getEnum()) {
                if (candidate != null) {
                    return values.toTree(candidate, schema.getFormat());
                }
            }
        }
        JsonNode fallback = values.toTree(schema.getDefault(), schema.getFormat());
        if (fallback != null && !fallback.isNull() && check.accepts(fallback, schema)) {
            return fallback;
        }
        return null;
    }

    private JsonNode object(Schema<?> schema, int depth) {
        ObjectNode object = nodes.objectNode();
        if (depth > GIVE_UP_DEPTH) {
            return object;
        }
        Set<String> required = schema.getRequired() == null ? Set.of() : new LinkedHashSet<>(schema.getRequired());
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        boolean deep = depth >= MAX_DEPTH;
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            boolean isRequired = required.contains(property.getKey());
            if (deep && !isRequired) {
                continue;
            }
            JsonNode value = value(property.getValue(), depth + 1, !isRequired);
            if (value != null) {
                object.set(property.getKey(), value);
            }
        }
        // A required name without a declared property may hold anything; it still has to be present.
        for (String name : required) {
            if (!object.has(name)) {
                object.put(name, "string");
            }
        }
        // additionalProperties needs no entries: the empty map is the smallest valid extension.
        return object;
    }

    private JsonNode array(Schema<?> schema, int depth, boolean omittable) {
        ArrayNode array = nodes.arrayNode();
        int minItems = schema.getMinItems() == null ? 0 : schema.getMinItems();
        if (schema.getItems() == null || (depth >= MAX_DEPTH && minItems == 0)) {
            return array;
        }
        JsonNode item = value(schema.getItems(), depth + 1, minItems == 0);
        if (item == null) {
            return array;
        }
        for (int i = 0; i < Math.max(1, minItems); i++) {
            array.add(item.deepCopy());
        }
        return array;
    }

    private JsonNode integer(Schema<?> schema) {
        BigDecimal value = bounded(schema, BigDecimal.ONE).setScale(0, RoundingMode.CEILING);
        return nodes.numberNode(value.longValueExact());
    }

    private JsonNode number(Schema<?> schema) {
        BigDecimal value = bounded(schema, new BigDecimal("0.5"));
        return value.stripTrailingZeros().scale() <= 0
                ? nodes.numberNode(value.longValue())
                : nodes.numberNode(value);
    }

    /**
     * The minimum when the schema sets one (nudged by {@code step} off an exclusive bound), else zero; then pulled
     * under the maximum.
     */
    private static BigDecimal bounded(Schema<?> schema, BigDecimal step) {
        BigDecimal value = BigDecimal.ZERO;
        if (schema.getMinimum() != null) {
            value = Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? schema.getMinimum().add(step) : schema.getMinimum();
        } else if (schema.getExclusiveMinimumValue() != null) {
            value = schema.getExclusiveMinimumValue().add(step);
        }
        if (schema.getMaximum() != null) {
            BigDecimal max = Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? schema.getMaximum().subtract(step) : schema.getMaximum();
            value = value.min(max);
        } else if (schema.getExclusiveMaximumValue() != null) {
            value = value.min(schema.getExclusiveMaximumValue().subtract(step));
        }
        return value;
    }

    private static String string(Schema<?> schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String value = switch (format) {
            case "date-time" -> "2024-01-01T00:00:00Z";
            case "date" -> "2024-01-01";
            case "time" -> "00:00:00Z";
            case "email" -> "user@example.com";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "uri", "url" -> "https://example.com/";
            case "hostname" -> "example.com";
            case "ipv4" -> "192.0.2.1";
            case "ipv6" -> "2001:db8::1";
            case "byte" -> "c3RyaW5n";
            default -> datePattern(format);
        };
        int minLength = schema.getMinLength() == null ? 0 : schema.getMinLength();
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < minLength) {
            padded.append('x');
        }
        Integer maxLength = schema.getMaxLength();
        return maxLength != null && padded.length() > maxLength ? padded.substring(0, maxLength) : padded.toString();
    }

    /** The contract uses Java date patterns as formats ({@code yyyyMMdd}); honour them, or use plain text. */
    private static String datePattern(String format) {
        if (format.contains("yyyy")) {
            try {
                return DateTimeFormatter.ofPattern(format).format(PLACEHOLDER_TIME);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // not a pattern after all
            }
        }
        return "string";
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (notEmpty(schema.getTypes())) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "string";
    }

    /** The schema with {@code $ref}s followed and {@code allOf} merged into one plain schema (a copy; the model is shared). */
    private Schema<?> flatten(Schema<?> raw) {
        Schema<?> schema = resolve(raw);
        if (!notEmpty(schema.getAllOf())) {
            return schema;
        }
        Schema<Object> merged = new Schema<>();
        for (Schema<?> part : schema.getAllOf()) {
            mergeInto(merged, flatten(part));
        }
        mergeInto(merged, schema); // the schema's own keywords (an example next to allOf, say) win
        return merged;
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 32; hops++) {
            String ref = current.get$ref();
            current = components.get(ref.startsWith(SCHEMA_REF_PREFIX) ? ref.substring(SCHEMA_REF_PREFIX.length()) : ref);
        }
        // A dangling or cyclic reference constrains nothing we can see: treat it as "any".
        return current == null || current.get$ref() != null ? new Schema<>() : current;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void mergeInto(Schema<Object> target, Schema<?> source) {
        if (source.getProperties() != null) {
            Map<String, Schema> properties = target.getProperties() == null ? new LinkedHashMap<>() : target.getProperties();
            properties.putAll(source.getProperties());
            target.setProperties(properties);
        }
        if (source.getRequired() != null) {
            List<String> required = target.getRequired() == null ? new ArrayList<>() : new ArrayList<>(target.getRequired());
            source.getRequired().stream().filter(r -> !required.contains(r)).forEach(required::add);
            target.setRequired(required);
        }
        target.setType(or(source.getType(), target.getType()));
        target.setTypes(or(source.getTypes(), target.getTypes()));
        target.setFormat(or(source.getFormat(), target.getFormat()));
        target.setEnum(or((List) source.getEnum(), (List) target.getEnum()));
        target.setItems(or(source.getItems(), target.getItems()));
        target.setAdditionalProperties(or(source.getAdditionalProperties(), target.getAdditionalProperties()));
        target.setMinimum(or(source.getMinimum(), target.getMinimum()));
        target.setMaximum(or(source.getMaximum(), target.getMaximum()));
        target.setExclusiveMinimum(or(source.getExclusiveMinimum(), target.getExclusiveMinimum()));
        target.setExclusiveMaximum(or(source.getExclusiveMaximum(), target.getExclusiveMaximum()));
        target.setMinLength(or(source.getMinLength(), target.getMinLength()));
        target.setMaxLength(or(source.getMaxLength(), target.getMaxLength()));
        target.setPattern(or(source.getPattern(), target.getPattern()));
        target.setMinItems(or(source.getMinItems(), target.getMinItems()));
        target.setMaxItems(or(source.getMaxItems(), target.getMaxItems()));
        target.setUniqueItems(or(source.getUniqueItems(), target.getUniqueItems()));
        target.setNullable(or(source.getNullable(), target.getNullable()));
        target.setOneOf(or(source.getOneOf(), target.getOneOf()));
        target.setAnyOf(or(source.getAnyOf(), target.getAnyOf()));
        if (source.getExample() != null) {
            target.setExample(source.getExample());
        }
        if (source.getDefault() != null) {
            target.setDefault(source.getDefault());
        }
    }

    private static <T> T or(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    private static boolean notEmpty(java.util.Collection<?> c) {
        return c != null && !c.isEmpty();
    }
}
