package dev.soracommock.operator;

/**
 * An API key and the generation of tokens issued for it. A token is accepted while its session exists, is not
 * revoked, has not expired, and the token's {@code sid} claim equals {@link #sessionId}. A row of {@code api_session}
 * ({@link ApiSessionStore}).
 */
class ApiSession {

    private String apiKey;

    private String operatorId;

    private String userName;

    private String sessionId;

    /** Epoch milliseconds of the latest expiry among the tokens issued for this key. */
    private long expiresAt;

    private boolean revoked;

    private long createdAt;

    /** Whether the row exists: {@link ApiSessionStore#save} then updates it. */
    private boolean persisted;

    ApiSession(String apiKey, String operatorId, String userName, String sessionId, long expiresAt, long now) {
        this.apiKey = apiKey;
        this.operatorId = operatorId;
        this.userName = userName;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    /** A session as read from its row. */
    static ApiSession fromRow(String apiKey, String operatorId, String userName, String sessionId, long expiresAt,
            boolean revoked, long createdAt) {
        ApiSession s = new ApiSession(apiKey, operatorId, userName, sessionId, expiresAt, createdAt);
        s.revoked = revoked;
        s.persisted = true;
        return s;
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

    long createdAt() {
        return createdAt;
    }

    boolean persisted() {
        return persisted;
    }

    void stored() {
        persisted = true;
    }

    void extendTo(long expiresAtMillis) {
        this.expiresAt = Math.max(this.expiresAt, expiresAtMillis);
    }

    void revoke() {
        this.revoked = true;
    }
}
