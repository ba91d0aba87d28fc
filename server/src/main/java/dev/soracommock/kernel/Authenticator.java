package dev.soracommock.kernel;

/**
 * Checks an API key and token pair; implemented by the operator domain, used by the pipeline's credentials step
 * ({@code pipeline/AuthInterceptor}).
 */
public interface Authenticator {

    /**
     * @return the caller the pair belongs to
     * @throws ApiException 401 with a code that says why (missing, mismatched, forged, expired, revoked)
     */
    Caller authenticate(String apiKey, String token);
}
