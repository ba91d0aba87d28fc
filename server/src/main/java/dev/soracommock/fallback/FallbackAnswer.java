package dev.soracommock.fallback;

/**
 * The complete answer to an operation no domain implements, computed once per operation.
 *
 * @param status      the documented success status
 * @param contentType the Content-Type to send, or {@code null} when there is no body
 * @param body        the exact bytes to send (empty, never {@code null}, when there is no body)
 * @param source      where the body came from (for tests and logs)
 */
record FallbackAnswer(int status, String contentType, byte[] body, Source source) {

    enum Source {
        /** The contract's own example for the response, which validates against its schema. */
        EXAMPLE,
        /** Built from the response schema (no example, or an example that does not validate). */
        SYNTHESISED,
        /** A minimal body of a non-JSON media type (an image, a file). */
        NON_JSON,
        /** The success response documents no content. */
        NONE
    }

    FallbackAnswer {
        body = body == null ? new byte[0] : body;
    }

    /** Whether the answer carries content (possibly zero bytes of a non-JSON type); 204-style answers do not. */
    boolean hasContent() {
        return contentType != null;
    }
}
