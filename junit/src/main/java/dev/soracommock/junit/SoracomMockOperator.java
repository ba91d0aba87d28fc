package dev.soracommock.junit;

/**
 * A sandbox operator signed up for the test on the emulator ({@code POST /v1/sandbox/init}), with an auth key of its
 * own. Pass it to SDKs and tools as you would a real account: endpoint, e-mail and password, auth key, or API key and
 * token.
 *
 * @param endpoint   the emulator's base URL, e.g. {@code http://127.0.0.1:40123} (soracom-cli's {@code SORACOM_ENDPOINT})
 * @param operatorId the operator's ID
 * @param email      its e-mail, for {@code POST /v1/auth}
 * @param password   its password
 * @param authKeyId  an auth key ID of the operator
 * @param authKey    that auth key's secret
 * @param apiKey     an API key, sent as {@code X-Soracom-API-Key}
 * @param token      its API token, sent as {@code X-Soracom-Token}
 */
public record SoracomMockOperator(String endpoint, String operatorId, String email, String password,
        String authKeyId, String authKey, String apiKey, String token) {

    /** The URL of a path of the emulator: {@code url("/v1/subscribers")}. */
    public String url(String path) {
        return endpoint + path;
    }
}
