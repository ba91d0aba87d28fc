package dev.soracommock.junit;

/**
 * A sandbox operator of the in-process emulator, fresh for each test ({@link SoracomMockExtension}).
 *
 * @param endpoint   the emulator's base URL ({@code http://localhost:PORT}); the Soracom API is under
 *                   {@code /v1}, the eSIM Commerce sandbox under {@code /esim-commerce/v1}, the control API under
 *                   {@code /_mock}
 * @param operatorId the operator's ID
 * @param email      its e-mail (for {@code POST /v1/auth} with email and password)
 * @param password   its password
 * @param authKeyId  an auth key ID of the operator (for {@code POST /v1/auth} with an auth key)
 * @param authKey    that auth key's secret
 * @param apiKey     an API key, sent as {@code X-Soracom-API-Key}
 * @param token      its API token, sent as {@code X-Soracom-Token}
 */
public record SoracomMockOperator(String endpoint, String operatorId, String email, String password,
        String authKeyId, String authKey, String apiKey, String token) {

    /** The URL of a Soracom API path: {@code url("/v1/subscribers")}. */
    public String url(String path) {
        return endpoint + path;
    }
}
