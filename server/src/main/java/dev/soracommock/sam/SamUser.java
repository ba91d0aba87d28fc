package dev.soracommock.sam;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A SAM user of an operator: description, optional password, own permission, trust policy, attached roles. Built and
 * written by {@link SamUserStore}.
 */
class SamUser {

    private final String operatorId;

    private final String userName;

    private String description;

    private String passwordHash;

    private String permission;

    private String trustPolicy;

    private final long createdAt;

    private long updatedAt;

    /** The attached roles ({@code sam_user_role}), read and written with the user. */
    private final Set<String> roleIds = new LinkedHashSet<>();

    /** The roles as last stored, to write only what changed. */
    private final Set<String> storedRoleIds = new LinkedHashSet<>();

    /** The row's optimistic-lock version. */
    private long version;

    /** Whether the row exists (loaded or inserted): {@link SamUserStore#save} inserts or updates. */
    private boolean persisted;

    SamUser(String operatorId, String userName, String description, String permission, long nowSeconds) {
        this.operatorId = operatorId;
        this.userName = userName;
        this.description = description;
        this.permission = permission;
        this.createdAt = nowSeconds;
        this.updatedAt = nowSeconds;
    }

    /** A user as stored: its row and its role rows. */
    static SamUser stored(String operatorId, String userName, String description, String passwordHash,
            String permission, String trustPolicy, long createdAt, long updatedAt, long version, Set<String> roleIds) {
        SamUser u = new SamUser(operatorId, userName, description, permission, createdAt);
        u.passwordHash = passwordHash;
        u.trustPolicy = trustPolicy;
        u.updatedAt = updatedAt;
        u.roleIds.addAll(roleIds);
        u.stored(version);
        return u;
    }

    /** The store wrote the user (or read it) at this version. */
    void stored(long version) {
        this.version = version;
        this.persisted = true;
        this.storedRoleIds.clear();
        this.storedRoleIds.addAll(roleIds);
    }

    long version() {
        return version;
    }

    boolean persisted() {
        return persisted;
    }

    /** The roles as last stored (a copy). */
    Set<String> storedRoleIds() {
        return Set.copyOf(storedRoleIds);
    }

    String operatorId() {
        return operatorId;
    }

    String userName() {
        return userName;
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
