package dev.soracommock.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An auth key (keyId + secret) of an operator, or of one of its SAM users when {@code userName} is set. */
@Entity
@Table(name = "auth_key")
class AuthKey {

    @Id
    @Column(name = "auth_key_id")
    private String authKeyId;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "user_name")
    private String userName;

    @Column(name = "secret_hash")
    private String secretHash;

    /** Epoch seconds, as the API reports auth-key times. */
    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    protected AuthKey() {
    }

    AuthKey(String authKeyId, String operatorId, String userName, String secretHash, long createdAtSeconds) {
        this.authKeyId = authKeyId;
        this.operatorId = operatorId;
        this.userName = userName;
        this.secretHash = secretHash;
        this.createdAt = createdAtSeconds;
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

    void used(long nowSeconds) {
        this.lastUsedAt = nowSeconds;
    }
}
