package dev.soracommock.soralet;

import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input buffer a module reads ({@code orbit_get_input_buffer}), as Soracom's Orbit-compatible runtime makes it
 * (facts §1.3): a JSON payload compacted (re-serialised without whitespace), anything else as it came.
 */
final class InputBuffer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InputBuffer() {
    }

    static byte[] of(byte[] payload, String contentType) {
        if (payload.length == 0 || !isJson(contentType)) {
            return payload;
        }
        try {
            return JSON.writeValueAsBytes(JSON.readTree(payload));
        } catch (RuntimeException notJson) {
            return payload;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        int semicolon = t.indexOf(';');
        t = (semicolon < 0 ? t : t.substring(0, semicolon)).trim();
        return t.equals("application/json") || t.endsWith("+json");
    }
}
