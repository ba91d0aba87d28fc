package dev.soracommock.credential;

/**
 * A credentials set of an operator: its type, description and secret values (JSON text, never answered). A row of
 * {@code credential} ({@link CredentialStore}).
 */
class Credential {

    /** The row's identity column; null until the set is inserted. */
    private Long id;

    private String operatorId;

    private String credentialsId;

    private String type;

    private String description;

    /** Compact JSON of the {@code credentials} object as created or last updated. */
    private String credentials;

    private long createdAt;

    private long updatedAt;

    private Long lastUsedAt;

    private Credential() {
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

    /** A set as read from its row. */
    static Credential fromRow(long id, String operatorId, String credentialsId, String type, String description,
            String credentials, long createdAt, long updatedAt, Long lastUsedAt) {
        Credential c = new Credential();
        c.id = id;
        c.operatorId = operatorId;
        c.credentialsId = credentialsId;
        c.type = type;
        c.description = description;
        c.credentials = credentials;
        c.createdAt = createdAt;
        c.updatedAt = updatedAt;
        c.lastUsedAt = lastUsedAt;
        return c;
    }

    /** Inserted: the identity the database gave the row. */
    void inserted(long id) {
        this.id = id;
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

    Long id() { return id; }
    String operatorId() { return operatorId; }
    String credentialsId() { return credentialsId; }
    String type() { return type; }
    String description() { return description; }
    String credentials() { return credentials; }
    long createdAt() { return createdAt; }
    long updatedAt() { return updatedAt; }
    Long lastUsedAt() { return lastUsedAt; }
}
