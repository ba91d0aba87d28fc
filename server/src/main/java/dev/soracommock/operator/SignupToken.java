package dev.soracommock.operator;

/**
 * The one-time token of the legacy sign-up (soracom-facts §3.3) that {@code POST /sandbox/operators/token/{email}}
 * gave out and {@code POST /operators/verify} takes: one per operator, the latest. A row of
 * {@code operator_signup_token} ({@link SignupTokenStore}).
 */
class SignupToken {

    private String operatorId;

    private String token;

    /** Epoch milliseconds on the emulator's clock. */
    private long expiresAt;

    /** Whether the row exists: {@link SignupTokenStore#save} then updates it. */
    private boolean persisted;

    SignupToken(String operatorId, String token, long expiresAt) {
        this.operatorId = operatorId;
        this.token = token;
        this.expiresAt = expiresAt;
    }

    /** A token as read from its row. */
    static SignupToken fromRow(String operatorId, String token, long expiresAt) {
        SignupToken t = new SignupToken(operatorId, token, expiresAt);
        t.persisted = true;
        return t;
    }

    String operatorId() {
        return operatorId;
    }

    String token() {
        return token;
    }

    long expiresAt() {
        return expiresAt;
    }

    boolean persisted() {
        return persisted;
    }

    void stored() {
        persisted = true;
    }

    void renew(String newToken, long newExpiresAt) {
        this.token = newToken;
        this.expiresAt = newExpiresAt;
    }
}
