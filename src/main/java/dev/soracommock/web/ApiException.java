package dev.soracommock.web;

import java.util.Map;

/**
 * The one exception every layer throws for an answer in Soracom's error form; rendered by {@link ErrorResponses}.
 * Carries no stack trace: it is an answer, not a bug.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Object[] args;
    private final transient Map<String, String> headers;

    public ApiException(ErrorCode errorCode, Object... args) {
        this(errorCode, Map.of(), args);
    }

    public ApiException(ErrorCode errorCode, Map<String, String> headers, Object... args) {
        super(errorCode.code() + " " + errorCode.message(Language.EN, args), null, false, false);
        this.errorCode = errorCode;
        this.args = args;
        this.headers = headers;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Extra headers the answer carries (Retry-After and rate-limit headers, for instance). */
    public Map<String, String> headers() {
        return headers;
    }
}
