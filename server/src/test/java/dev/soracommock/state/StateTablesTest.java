package dev.soracommock.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soracommock.api.mock.model.StateDocumentDto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A state document's {@code tables} read into {@link StateTables} ({@link StateDocumentJson}): the same tables, rows
 * and values as a {@code Map<String, List<Map<String, Object>>>} would hold (integers as {@code Long}), the same words
 * for what is not a table or a row, and rows of the same keys sharing one shape.
 */
class StateTablesTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new StateDocumentJson()).build();

    private static String document(String tables) {
        return "{\"format\":\"soracom-mock-state\",\"version\":1,\"tables\":" + tables + "}";
    }

    /** The tables as maps, the rows' integers as Long (what StateTables reads them as; values within values stay). */
    private static Object plain(String tables) {
        Map<String, List<Map<String, Object>>> maps = PLAIN.readValue(document(tables), StateDocumentDto.class).getTables();
        maps.values().stream().filter(rows -> rows != null).flatMap(List::stream).filter(row -> row != null)
                .forEach(row -> row.replaceAll((k, v) -> v instanceof Integer i ? (Object) i.longValue() : v));
        return maps;
    }

    /** The keys of every map, in order, as nested lists. */
    private static Object order(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<Object> keys = new ArrayList<>();
            m.forEach((k, value) -> keys.add(List.of(k, String.valueOf(order(value)))));
            return keys;
        }
        if (v instanceof List<?> l) {
            List<Object> items = new ArrayList<>();
            l.forEach(value -> items.add(String.valueOf(order(value))));
            return items;
        }
        return null;
    }

    private static StateTables read(String tables) {
        return (StateTables) JSON.readValue(document(tables), StateDocumentDto.class).getTables();
    }

    @Test
    void theTablesAreThoseAMapWouldHold() {
        for (String tables : List.of(
                "{}",
                "{\"a\":[],\"b\":null,\"c\":[null,{}]}",
                "{\"sim\":[{\"id\":1,\"name\":\"x\",\"on\":true,\"off\":false,\"none\":null,\"big\":12345678901234,"
                        + "\"huge\":123456789012345678901234567890,\"neg\":-5,\"fraction\":1.5,\"exp\":1e3,"
                        + "\"object\":{\"a\":[1,{\"b\":null}]},\"array\":[1,\"x\",null],\"text\":\"\\u00e9\\\"\\n\"}]}",
                "{\"t\":[{\"a\":1,\"b\":\"x\"},{\"b\":\"x\",\"a\":1},{\"a\":2,\"b\":\"y\",\"c\":3},{\"a\":2}]}",
                // a repeated key counts once, at its first place, with its last value; a repeated table likewise
                "{\"t\":[{\"a\":1,\"b\":2,\"a\":3,\"c\":4,\"b\":5}],\"u\":[{\"x\":1}],\"t\":[{\"z\":0}]}",
                "{\"t\":[{\"a\":\"same\",\"n\":7},{\"a\":\"same\",\"n\":7},{\"a\":\"other\",\"n\":8},{\"a\":\"same\",\"n\":7}]}")) {
            StateTables read = read(tables);
            assertThat(read).as(tables).isEqualTo(plain(tables));
            assertThat(order(read)).as(tables).isEqualTo(order(plain(tables)));
        }
        Map<String, Object> sim = read("{\"sim\":[{\"huge\":123456789012345678901234567890,\"fraction\":1.5}]}").get("sim").get(0);
        assertThat(sim.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(sim.get("fraction")).isEqualTo(1.5);
    }

    @Test
    void rowsOfTheSameKeysShareAShape() {
        StateTables tables = read("{\"t\":[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"},{\"b\":\"x\",\"a\":1},{\"a\":1,\"b\":2,\"a\":3}]}");
        List<StateTables.Row> rows = tables.tables().get(0).rows();
        assertThat(rows.get(1).shape()).isSameAs(rows.get(0).shape());
        assertThat(rows.get(2).shape()).isNotSameAs(rows.get(0).shape());
        assertThat(rows.get(2).shape().names()).containsExactly("b", "a");
        assertThat(rows.get(3).shape().names()).containsExactly("a", "b");
        assertThat(rows.get(3).values()).containsExactly(3L, 2L);
    }

    @Test
    void aRowOfManyKeysTakesMemoryInProportion() {
        StringBuilder row = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            row.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        row.append(",\"k7\":\"again\"}");
        StateTables.Row read = read("{\"t\":[" + row + "]}").tables().get(0).rows().get(0);
        assertThat(read.shape().names()).hasSize(100_000);
        assertThat(read.values()[7]).isEqualTo("again");
        assertThat(read.values()[99_999]).isEqualTo(99_999L);
    }

    @Test
    void equalValuesOfConsecutiveRowsAreOneObject() {
        List<StateTables.Row> rows = read("{\"t\":[{\"s\":\"operator\",\"n\":1796371799859},{\"s\":\"operator\",\"n\":1796371799859}]}")
                .tables().get(0).rows();
        assertThat(rows.get(1).values()[0]).isSameAs(rows.get(0).values()[0]);
        assertThat(rows.get(1).values()[1]).isSameAs(rows.get(0).values()[1]);
    }

    @Test
    void whatIsNotATableOrARowIsRefusedInTheWordsOfAMap() {
        for (String tables : List.of("{\"t\":5}", "{\"t\":{\"a\":1}}", "{\"t\":\"x\"}", "{\"t\":[5]}", "{\"t\":[[1]]}",
                "{\"t\":[\"x\"]}", "[]", "5")) {
            String expected = StateJson.parserMessage(() -> PLAIN.readValue(document(tables), StateDocumentDto.class));
            assertThat(expected).as(tables).isNotNull();
            assertThat(StateJson.parserMessage(() -> JSON.readValue(document(tables), StateDocumentDto.class))).as(tables).isEqualTo(expected);
        }
        assertThatThrownBy(() -> JSON.readValue(document("{\"t\":[{\"a\":tru}]}"), StateDocumentDto.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void tablesBuiltInCodeAreMadeRows() {
        Map<String, List<Map<String, Object>>> maps = new LinkedHashMap<>();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("a", 1L);
        row.put("b", null);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row);
        rows.add(null);
        maps.put("t", rows);
        maps.put("u", null);
        StateTables tables = StateTables.of(maps);
        assertThat(tables).isEqualTo(maps);
        assertThat(StateTables.of(tables)).isSameAs(tables);
        assertThat(tables.tables().get(0).rows().get(0).values()).containsExactly(1L, null);
    }
}
