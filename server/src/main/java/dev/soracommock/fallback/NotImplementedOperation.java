package dev.soracommock.fallback;

/**
 * Thrown by every generated delegate method that no domain overrides (see openapi/templates/methodBody.mustache).
 * {@link FallbackAdvice} turns it into the fallback answer; it carries no stack trace because it is control flow.
 */
public final class NotImplementedOperation extends RuntimeException {

    private final String operationId;

    public NotImplementedOperation(String operationId) {
        super(operationId, null, false, false);
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }
}
