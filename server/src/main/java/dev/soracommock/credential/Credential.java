package dev.soracommock.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credentials set of an operator: its type, description and secret values (JSON text, never answered). */
@Entity
@Table(name = "credential")
class Credential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "credentials_id")
    private String credentialsId;

    private String type;

    private String description;

    /** Compact JSON of the {@code credentials} object as created or last updated. */
    private String credentials;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "updated_at")
    private long updatedAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    protected Credential() {
    }

    Credential(String operatorId, String credentialsId, String type, String description, String credentials, long now) {
        this.operatorId = operatorId;
        this.credentialsId = credentialsId;
        this.type = type;
        this.description = description;
        this.credentials = credentials;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String type, String description, String credentials, long now) {
        this.type = type;
        this.description = description;
        this.credentials = credentials;
        this.updatedAt = now;
    }

    void used(long now) {
        this.lastUsedAt = now;
    }

    String operatorId() { return operatorId; }
    String credentialsId() { return credentialsId; }
    String type() { return type; }
    String description() { return description; }
    String credentials() { return credentials; }
    long createdAt() { return createdAt; }
    long updatedAt() { return updatedAt; }
    Long lastUsedAt() { return lastUsedAt; }
}
