package dev.soracommock.beam;

/**
 * A message a device sent, as Beam receives it: who sent it (the SIM's identifiers; {@code msisdn} and {@code imei}
 * may be null) and what (method, path under the entry point, content type, body).
 */
public record BeamMessage(String simId, String imsi, String msisdn, String imei, String method, String path,
        String contentType, byte[] body) {

    public BeamMessage {
        method = method == null ? "POST" : method;
        path = path == null || path.isEmpty() ? "/" : path;
        body = body == null ? new byte[0] : body;
    }
}
