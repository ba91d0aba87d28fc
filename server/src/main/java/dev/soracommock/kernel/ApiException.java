package dev.soracommock.kernel;

import java.util.List;
import java.util.Map;

/**
 * The one exception every layer throws for an answer in Soracom's error form; rendered by {@link ErrorResponses}.
 * Carries no stack trace: it is an answer, not a bug.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Object[] args;
    private final transient Map<String, String> headers;
    private final transient List<String> messages;
    private final transient Custom custom;

    /** An answer with a status, code and message of its own (an injected fault), not one of {@link ErrorCode}. */
    public record Custom(int status, String code, String message) {
    }

    public ApiException(ErrorCode errorCode, Object... args) {
        this(errorCode, Map.of(), args);
    }

    public ApiException(ErrorCode errorCode, Map<String, String> headers, Object... args) {
        this(errorCode, headers, null, args);
    }

    private ApiException(ErrorCode errorCode, Map<String, String> headers, List<String> messages, Object... args) {
        this(errorCode, headers, messages, null, args);
    }

    private ApiException(ErrorCode errorCode, Map<String, String> headers, List<String> messages, Custom custom,
            Object... args) {
        super(custom != null ? custom.status() + " " + custom.code() + " " + custom.message()
                : errorCode.code() + " " + errorCode.message(Language.EN, args), null, false, false);
        this.errorCode = errorCode;
        this.args = args;
        this.headers = headers;
        this.messages = messages;
        this.custom = custom;
    }

    /**
     * A refusal with any 4xx/5xx status, code and message (an injected fault). The body keeps the API's form; the
     * {@code errorCode} (what logs and the rest of the server see) is {@link ErrorCode#INJECTED_FAULT}.
     */
    public static ApiException custom(int status, String code, String message, Map<String, String> headers) {
        return new ApiException(ErrorCode.INJECTED_FAULT, headers, null, new Custom(status, code, message),
                new Object[] {message});
    }

    /** The status, code and message of a refusal made with {@link #custom}, else null. */
    public Custom custom() {
        return custom;
    }

    /**
     * A refusal with several messages (one per violated constraint): the eSIM Commerce envelope lists them in
     * {@code message}; Soracom's form gets them joined by "; " as the code's single argument.
     */
    public static ApiException messages(ErrorCode errorCode, List<String> messages) {
        return new ApiException(errorCode, Map.of(), List.copyOf(messages), String.join("; ", messages));
    }

    /** The individual messages of a refusal made with {@link #messages}, else null. */
    public List<String> messages() {
        return messages;
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
