package dev.soracommock.state;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON helpers the state package's tests share. */
final class StateJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StateJson() {
    }

    /** A JSON object as ordered maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    /** The parser's own words when {@code r} fails to read JSON; null when it reads. */
    static String parserMessage(Runnable r) {
        try {
            r.run();
            return null;
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
    }
}
