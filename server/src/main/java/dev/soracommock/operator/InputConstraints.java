package dev.soracommock.operator;

import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.regex.Pattern;

/**
 * The checks the real API's bean validation makes of e-mail and password fields, in its message shape (soracom-facts
 * §5): 400 {@code COM0008} "Constraint vaiolation of input value. message:" followed by each violation as
 * {@code <message>:<field>}, concatenated without a separator ({@code may not be empty:passwordmay not be empty:email},
 * {@code not a well-formed email address:email}).
 */
final class InputConstraints {

    static final String EMPTY = "may not be empty";
    static final String NOT_AN_EMAIL = "not a well-formed email address";

    /**
     * One {@code @}, something on each side, no white space: the shape the real API's {@code @Email} (Hibernate
     * Validator's, whose message this is) accepts in practice; {@code bogus} and {@code not-an-email} are refused,
     * {@code a@localhost} is not. The emulator has no bean validation of its own: this pattern is the whole check.
     */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final StringBuilder violations = new StringBuilder();

    private InputConstraints() {
    }

    static InputConstraints check() {
        return new InputConstraints();
    }

    InputConstraints notEmpty(String field, String value) {
        if (value == null || value.isEmpty()) {
            violations.append(EMPTY).append(':').append(field);
        }
        return this;
    }

    /** Empty is not malformed (that is {@link #notEmpty}'s to say). */
    InputConstraints email(String field, String value) {
        if (value != null && !value.isEmpty() && !EMAIL.matcher(value).matches()) {
            violations.append(NOT_AN_EMAIL).append(':').append(field);
        }
        return this;
    }

    /** @throws ApiException 400 {@code COM0008} with every violation found, if any */
    void orRefuse() {
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, violations.toString());
        }
    }
}
