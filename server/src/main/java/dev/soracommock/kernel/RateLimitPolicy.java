package dev.soracommock.kernel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The rate limits as other steps see them ({@code pipeline/RateLimiter} holds them): an injected throttle fault answers
 * exactly what an exhausted limit answers.
 */
public interface RateLimitPolicy {

    /** The 429 this operation answers once its limit is exhausted, with the rate-limit headers; counts nothing. */
    ApiException throttled(OperationSpec operation, HttpServletRequest request);
}
