package dev.soracommock.sam;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/** A SAM user of an operator: description, optional password, own permission, trust policy, attached roles. */
@Entity
@Table(name = "sam_user")
class SamUser {

    @Embeddable
    record Key(@Column(name = "operator_id") String operatorId, @Column(name = "user_name") String userName)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private String description;

    @Column(name = "password_hash")
    private String passwordHash;

    private String permission;

    @Column(name = "trust_policy")
    private String trustPolicy;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "updated_at")
    private long updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sam_user_role", joinColumns = {
            @JoinColumn(name = "operator_id", referencedColumnName = "operator_id"),
            @JoinColumn(name = "user_name", referencedColumnName = "user_name")})
    @Column(name = "role_id")
    private Set<String> roleIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected SamUser() {
    }

    SamUser(String operatorId, String userName, String description, String permission, long nowSeconds) {
        this.key = new Key(operatorId, userName);
        this.description = description;
        this.permission = permission;
        this.createdAt = nowSeconds;
        this.updatedAt = nowSeconds;
    }

    String operatorId() {
        return key.operatorId();
    }

    String userName() {
        return key.userName();
    }

    String description() {
        return description;
    }

    String passwordHash() {
        return passwordHash;
    }

    String permission() {
        return permission;
    }

    String trustPolicy() {
        return trustPolicy;
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }

    Set<String> roleIds() {
        return Set.copyOf(roleIds);
    }

    void describe(String description, long now) {
        this.description = description;
        this.updatedAt = now;
    }

    void password(String hash, long now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    void permission(String permission, long now) {
        this.permission = permission;
        this.updatedAt = now;
    }

    void trustPolicy(String trustPolicy, long now) {
        this.trustPolicy = trustPolicy;
        this.updatedAt = now;
    }

    boolean attach(String roleId, long now) {
        this.updatedAt = now;
        return roleIds.add(roleId);
    }

    boolean detach(String roleId, long now) {
        this.updatedAt = now;
        return roleIds.remove(roleId);
    }
}
