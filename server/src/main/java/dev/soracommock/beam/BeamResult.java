package dev.soracommock.beam;

/**
 * What Beam did with a message: the entry point whose configuration applied, the URL it called, and the
 * destination's answer — or, when the destination could not be reached, {@code statusCode} 0 and the reason.
 */
public record BeamResult(String entryPoint, String url, int statusCode, String contentType, byte[] body, String error) {

    public boolean delivered() {
        return error == null;
    }
}
