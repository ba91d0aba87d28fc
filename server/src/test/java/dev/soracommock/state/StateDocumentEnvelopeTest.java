package dev.soracommock.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope the contract validator is shown of a state document: the same as when the rows were read by the JSON
 * parser (the former way, {@link #parsed}), whatever the rows hold and wherever {@code tables} is; rows that are not
 * well-formed are refused with the parser's words, or left to the handler's JSON binding, which refuses them with the
 * same words.
 */
class StateDocumentEnvelopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final StateDocumentEnvelope envelope = new StateDocumentEnvelope(JSON);

    /** The envelope as it was built before rows were passed over by brackets: every token read by the parser. */
    private static byte[] parsed(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return JSON.writeValueAsBytes(JSON.readTree(body));
            }
            ObjectNode envelope = JSON.createObjectNode();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("tables") && value == JsonToken.START_OBJECT) {
                    p.skipChildren();
                    envelope.set(name, JSON.createObjectNode());
                } else {
                    envelope.set(name, p.readValueAsTree());
                }
            }
            while (p.nextToken() != null) {
                // trailing content is reported by the parser
            }
            return JSON.writeValueAsBytes(envelope);
        }
    }

    private void assertSameAsParsed(String document) {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        String expected = StateJson.parserMessage(() -> parsed(body));
        String actual = StateJson.parserMessage(() -> envelope.validationView(body));
        assertThat(actual).as(document).isEqualTo(expected);
        if (expected == null) {
            assertThat(JSON.readTree(envelope.validationView(body))).as(document).isEqualTo(JSON.readTree(parsed(body)));
        }
    }

    @Test
    void theEnvelopeIsTheSameAsWhenEveryTokenWasParsed() {
        String rows = "{\"sim\":[{\"a\":\"}]{[\\\"\",\"b\":[1,{\"c\":null}],\"d\":\"\\\\\"},null],\"x\":[],\"y\":null}";
        for (String document : List.of(
                "{\"format\":\"soracom-mock-state\",\"version\":18,\"tables\":" + rows + "}",
                "{\"tables\":" + rows + ",\"format\":\"soracom-mock-state\",\"version\":18,\"clock\":{\"now\":\"x\"}}",
                "{\"format\":\"soracom-mock-state\",\"tables\":" + rows + ",\"version\":18}",
                "  {\"tables\":" + rows + ",\"tables\":" + rows + "}  ",
                "{\"tables\":{},\"version\":1}",
                "{\"tables\":[],\"version\":1}",
                "{\"tables\":null}",
                "{\"tables\":\"{\"}",
                "{\"other\":{\"tables\":{\"a\":1}},\"tables\":{\"b\":[{}]}}",
                "{}",
                "[1,2]",
                "\"text\"",
                // malformed: the parser's words either way
                "{\"tables\":" + rows + "} x",
                "{\"tables\":" + rows + "}}",
                "{\"tables\":" + rows + ",}",
                "{\"tables\":" + rows + ",\"version\":}",
                "{\"tables\":{\"sim\":[{\"a\":1]}}}",
                "{\"tables\":{\"sim\":[{\"a\":1}}}",
                "{\"tables\":{\"sim\":[{\"a\":\"open}]}}",
                "{\"tables\":{\"sim\":[{\"a\":1}]}",
                "{\"tables\":{\"sim\":[{\"a\":\"\\",
                "{\"version\":1,\"tables\":{"
        )) {
            assertSameAsParsed(document);
        }
    }

    @Test
    void rowsWhoseBracketsMatchButTokensDoNotAreLeftToTheBinding() {
        String document = "{\"format\":\"soracom-mock-state\",\"tables\":{\"sim\":[{\"a\":tru,\"b\" 1}]},\"version\":18}";
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parsed(body)).isInstanceOf(JacksonException.class);
        assertThat(JSON.readTree(envelope.validationView(body)))
                .isEqualTo(JSON.readTree("{\"format\":\"soracom-mock-state\",\"tables\":{},\"version\":18}"));
    }

    @Test
    void theEndOfTheRowsIsFoundByMatchingBracketsOutsideStrings() {
        byte[] b = "x{\"a\":[\"]}\\\"\",{}]}y".getBytes(StandardCharsets.UTF_8);
        assertThat(StateDocumentEnvelope.endOfObject(b, 1, 500)).isEqualTo(b.length - 1);
        assertThat(StateDocumentEnvelope.endOfObject(b, 0, 500)).isEqualTo(-1);
        assertThat(StateDocumentEnvelope.endOfObject("{[}]".getBytes(StandardCharsets.UTF_8), 0, 500)).isEqualTo(-1);
        assertThat(StateDocumentEnvelope.endOfObject("{\"}".getBytes(StandardCharsets.UTF_8), 0, 500)).isEqualTo(-1);
        byte[] deep = ("{" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(StateDocumentEnvelope.endOfObject(deep, 0, 500)).isEqualTo(deep.length);
        assertThat(StateDocumentEnvelope.endOfObject(deep, 0, 64)).isEqualTo(-1);
    }
}
