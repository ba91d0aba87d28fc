package dev.soracommock.state;

import dev.soracommock.api.mock.model.StateDocumentDto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.module.SimpleModule;

/**
 * How a state document's {@code tables} are read from JSON, wherever a {@link StateDocumentDto} is (the body of
 * {@code POST /_mock/state}, seed files): straight into {@link StateTables}' rows as the parser goes, one array per
 * row, instead of a map per row. Registered with Spring's JSON mapper as a module bean, as a mix-in of the generated
 * class (which is not edited).
 *
 * <p>What the document holds is read as before: strings, integers (as {@code Long}, or as the big integer they are),
 * booleans and nulls directly; anything else (a fraction, an object or array where a column value should be) as an
 * untyped value, as a {@code Map<String, Object>} row would hold it. A table or row that is not an array or object is
 * refused by the deserializer a {@code Map<String, List<Map<String, Object>>>} would have used, with its words.
 */
@Component
class StateDocumentJson extends SimpleModule {

    StateDocumentJson() {
        super("soracom-mock-state-document");
        setMixInAnnotation(StateDocumentDto.class, StateDocumentMixIn.class);
    }

    /** The annotations added to the generated class. */
    abstract static class StateDocumentMixIn {
        @JsonDeserialize(using = TablesDeserializer.class)
        abstract void setTables(Map<String, List<Map<String, Object>>> tables);
    }

    private static final TypeReference<Map<String, List<Map<String, Object>>>> TABLES = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    static final class TablesDeserializer extends ValueDeserializer<Map<String, List<Map<String, Object>>>> {

        @Override
        public Map<String, List<Map<String, Object>>> deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.isExpectedStartObjectToken()) {
                return StateTables.of(ctxt.readValue(p, TABLES));
            }
            ValueDeserializer<Object> untyped = ctxt.findRootValueDeserializer(ctxt.constructType(Object.class));
            StateTables.Builder tables = new StateTables.Builder();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken token = p.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    tables.table(name, rows(p, ctxt, tables, untyped));
                } else if (token == JsonToken.VALUE_NULL) {
                    tables.table(name, null);
                } else {
                    List<Map<String, Object>> rows = ctxt.readValue(p, ROWS);
                    tables.table(name, rows == null ? null : tables.rows(rows));
                }
            }
            return tables.build();
        }

        private static List<StateTables.Row> rows(JsonParser p, DeserializationContext ctxt, StateTables.Builder tables,
                ValueDeserializer<Object> untyped) {
            List<StateTables.Row> rows = new ArrayList<>();
            StateTables.Shape root = StateTables.Shape.root();
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    StateTables.Shape shape = root;
                    for (String key = p.nextName(); key != null; key = p.nextName()) {
                        shape = shape.child(key);
                        p.nextToken();
                        tables.value(shape, value(p, ctxt, shape, untyped));
                    }
                    rows.add(tables.row(shape));
                } else if (token == JsonToken.VALUE_NULL) {
                    rows.add(null);
                } else {
                    Map<String, Object> row = ctxt.readValue(p, ROW);
                    rows.add(row == null ? null : tables.rows(Collections.singletonList(row)).get(0));
                }
            }
            return rows;
        }

        /** The value at the parser; a text or integer equal to the previous row's in the same place is that object. */
        private static Object value(JsonParser p, DeserializationContext ctxt, StateTables.Shape shape,
                ValueDeserializer<Object> untyped) {
            switch (p.currentToken()) {
                case VALUE_STRING -> {
                    if (shape.last instanceof String last && sameText(p, last)) {
                        return last;
                    }
                    String s = p.getString();
                    shape.last = s;
                    return s;
                }
                case VALUE_NUMBER_INT -> {
                    JsonParser.NumberType type = p.getNumberType();
                    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                        long n = p.getLongValue();
                        if (shape.last instanceof Long last && last == n) {
                            return last;
                        }
                        Long l = n;
                        shape.last = l;
                        return l;
                    }
                    return untyped.deserialize(p, ctxt);
                }
                case VALUE_TRUE -> {
                    return Boolean.TRUE;
                }
                case VALUE_FALSE -> {
                    return Boolean.FALSE;
                }
                case VALUE_NULL -> {
                    return null;
                }
                default -> {
                    return untyped.deserialize(p, ctxt);
                }
            }
        }

        private static boolean sameText(JsonParser p, String last) {
            int length = p.getStringLength();
            if (length != last.length()) {
                return false;
            }
            char[] chars = p.getStringCharacters();
            int offset = p.getStringOffset();
            // from the end: the identifiers of consecutive rows differ there
            for (int i = length - 1; i >= 0; i--) {
                if (chars[offset + i] != last.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
