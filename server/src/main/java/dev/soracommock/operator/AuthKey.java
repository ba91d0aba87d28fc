package dev.soracommock.operator;

/**
 * An auth key (keyId + secret) of an operator, or of one of its SAM users when {@code userName} is set. A row of
 * {@code auth_key} ({@link AuthKeyStore}).
 */
class AuthKey {

    private String authKeyId;

    private String operatorId;

    private String userName;

    private String secretHash;

    /** Epoch seconds, as the API reports auth-key times. */
    private long createdAt;

    private Long lastUsedAt;

    /** Whether the row exists: {@link AuthKeyStore#save} then updates it. */
    private boolean persisted;

    AuthKey(String authKeyId, String operatorId, String userName, String secretHash, long createdAtSeconds) {
        this.authKeyId = authKeyId;
        this.operatorId = operatorId;
        this.userName = userName;
        this.secretHash = secretHash;
        this.createdAt = createdAtSeconds;
    }

    /** A key as read from its row. */
    static AuthKey fromRow(String authKeyId, String operatorId, String userName, String secretHash, long createdAt,
            Long lastUsedAt) {
        AuthKey k = new AuthKey(authKeyId, operatorId, userName, secretHash, createdAt);
        k.lastUsedAt = lastUsedAt;
        k.persisted = true;
        return k;
    }

    String authKeyId() {
        return authKeyId;
    }

    String operatorId() {
        return operatorId;
    }

    String userName() {
        return userName;
    }

    String secretHash() {
        return secretHash;
    }

    long createdAt() {
        return createdAt;
    }

    Long lastUsedAt() {
        return lastUsedAt;
    }

    boolean persisted() {
        return persisted;
    }

    void stored() {
        persisted = true;
    }

    void used(long nowSeconds) {
        this.lastUsedAt = nowSeconds;
    }
}
