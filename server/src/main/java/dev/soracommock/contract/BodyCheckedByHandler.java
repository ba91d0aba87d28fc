package dev.soracommock.contract;

/**
 * An operation whose request body is too large for the contract validator to walk at a useful cost (the validator
 * takes seconds per 100 000 objects) and whose handler checks every part of it anyway: the validator sees
 * {@link #validationView} of the body instead of the body (the state document's envelope without its rows).
 * Implementations are beans.
 */
public interface BodyCheckedByHandler {

    /** The operationId whose bodies this applies to. */
    String operationId();

    /**
     * What the contract validator checks instead of the body.
     *
     * @throws tools.jackson.core.JacksonException when the body is not well-formed JSON
     */
    byte[] validationView(byte[] body);
}
