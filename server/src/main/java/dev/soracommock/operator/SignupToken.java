package dev.soracommock.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one-time token of the legacy sign-up (soracom-facts §3.3) that {@code POST /sandbox/operators/token/{email}}
 * gave out and {@code POST /operators/verify} takes: one per operator, the latest.
 */
@Entity
@Table(name = "operator_signup_token")
class SignupToken {

    @Id
    @Column(name = "operator_id")
    private String operatorId;

    private String token;

    /** Epoch milliseconds on the emulator's clock. */
    @Column(name = "expires_at")
    private long expiresAt;

    protected SignupToken() {
    }

    SignupToken(String operatorId, String token, long expiresAt) {
        this.operatorId = operatorId;
        this.token = token;
        this.expiresAt = expiresAt;
    }

    String operatorId() {
        return operatorId;
    }

    long expiresAt() {
        return expiresAt;
    }

    void renew(String newToken, long newExpiresAt) {
        this.token = newToken;
        this.expiresAt = newExpiresAt;
    }
}
