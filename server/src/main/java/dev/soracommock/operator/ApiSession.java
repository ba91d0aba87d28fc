package dev.soracommock.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An API key and the generation of tokens issued for it. A token is accepted while its session exists, is not
 * revoked, has not expired, and the token's {@code sid} claim equals {@link #sessionId}.
 */
@Entity
@Table(name = "api_session")
class ApiSession {

    @Id
    @Column(name = "api_key")
    private String apiKey;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "user_name")
    private String userName;

    @Column(name = "session_id")
    private String sessionId;

    /** Epoch milliseconds of the latest expiry among the tokens issued for this key. */
    @Column(name = "expires_at")
    private long expiresAt;

    private boolean revoked;

    @Column(name = "created_at")
    private long createdAt;

    protected ApiSession() {
    }

    ApiSession(String apiKey, String operatorId, String userName, String sessionId, long expiresAt, long now) {
        this.apiKey = apiKey;
        this.operatorId = operatorId;
        this.userName = userName;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    String apiKey() {
        return apiKey;
    }

    String operatorId() {
        return operatorId;
    }

    String userName() {
        return userName;
    }

    String sessionId() {
        return sessionId;
    }

    long expiresAt() {
        return expiresAt;
    }

    boolean revoked() {
        return revoked;
    }

    void extendTo(long expiresAtMillis) {
        this.expiresAt = Math.max(this.expiresAt, expiresAtMillis);
    }

    void revoke() {
        this.revoked = true;
    }
}
