package dev.soracommock.device;

/** What one service of the Unified Endpoint answered: HTTP status, content type (may be null) and body. */
public record ServiceAnswer(int statusCode, String contentType, byte[] body) {

    public boolean ok() {
        return statusCode < 400;
    }
}
