package dev.soracommock.state;

import dev.soracommock.contract.BodyCheckedByHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /_mock/state}: the contract validator checks the document's envelope (format, version, clock, that
 * {@code tables} is an object) and {@link StateTransfer} checks every row against the database schema, so the
 * validator is not made to walk hundreds of thousands of rows. The envelope is read by the JSON parser; the rows,
 * which the handler's JSON binding reads anyway (and refuses there, as malformed JSON, if they are), are only passed
 * over here, by matching brackets outside strings, at a fraction of the parser's cost. Rows whose brackets do not
 * match, or a string that does not end, are read by the parser after all, so such a document is refused here with the
 * parser's own words, as before.
 */
@Component
class StateDocumentEnvelope implements BodyCheckedByHandler {

    /** What stands for the rows passed over, before the rest of the document. */
    private static final byte[] REOPENED = "{\"tables\":{}".getBytes(StandardCharsets.US_ASCII);

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
        ObjectNode envelope = json.createObjectNode();
        byte[] text = body;
        boolean reopened = false;
        while (true) {
            try (JsonParser p = json.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    // not an object: let the validator say so
                    return json.writeValueAsBytes(json.readTree(body));
                }
                if (reopened) {
                    // "tables": {}, in the envelope already
                    p.nextToken();
                    p.nextToken();
                    p.nextToken();
                }
                int end = -1;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("tables") && value == JsonToken.START_OBJECT) {
                        envelope.set(name, json.createObjectNode());
                        end = endOfObject(text, p.currentTokenLocation().getByteOffset(),
                                p.streamReadConstraints().getMaxNestingDepth());
                        if (end >= 0) {
                            break;
                        }
                        p.skipChildren();
                    } else {
                        envelope.set(name, p.readValueAsTree());
                    }
                }
                if (end < 0) {
                    while (p.nextToken() != null) {
                        // trailing content is reported by the parser
                    }
                    return json.writeValueAsBytes(envelope);
                }
                // the rest of the document, after the rows, read by a parser of its own
                byte[] rest = new byte[REOPENED.length + text.length - end];
                System.arraycopy(REOPENED, 0, rest, 0, REOPENED.length);
                System.arraycopy(text, end, rest, REOPENED.length, text.length - end);
                text = rest;
                reopened = true;
            }
        }
    }

    /** Where the search for the end of the rows stops: outside strings, at quotes and brackets… */
    private static final boolean[] STRUCTURE = new boolean[256];
    /** … and inside them, at the closing quote or a backslash. */
    private static final boolean[] STRING_END = new boolean[256];

    static {
        for (char c : "\"{}[]".toCharArray()) {
            STRUCTURE[c] = true;
        }
        STRING_END['"'] = true;
        STRING_END['\\'] = true;
    }

    /**
     * The index after the closing brace of the object that opens at {@code start}, matching brackets outside
     * strings; -1 when the bytes do not close it (a bracket of the wrong kind, a string or the input that does not end,
     * deeper than the parser allows).
     */
    static int endOfObject(byte[] b, long start, int maxDepth) {
        if (start < 0 || start >= b.length || b[(int) start] != '{') {
            return -1;
        }
        byte[] open = new byte[64];
        int depth = 0;
        int n = b.length;
        int i = (int) start;
        while (i < n) {
            byte c = b[i++];
            if (!STRUCTURE[c & 0xff]) {
                continue;
            }
            if (c == '"') {
                while (true) {
                    if (i >= n) {
                        return -1;
                    }
                    byte d = b[i++];
                    if (STRING_END[d & 0xff]) {
                        if (d == '"') {
                            break;
                        }
                        // a backslash: the next byte is escaped
                        i++;
                    }
                }
            } else if (c == '{' || c == '[') {
                if (depth == open.length) {
                    if (depth >= maxDepth) {
                        return -1;
                    }
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = c;
            } else if (c == '}') {
                if (depth == 0 || open[--depth] != '{') {
                    return -1;
                }
                if (depth == 0) {
                    return i;
                }
            } else if (depth == 0 || open[--depth] != '[') {
                return -1;
            }
        }
        return -1;
    }
}
