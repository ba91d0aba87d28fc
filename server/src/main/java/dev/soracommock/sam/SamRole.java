package dev.soracommock.sam;

/**
 * A role: a named permission that users attach; its SRN is {@code srn:soracom:::Role:<roleId>}. Built and written by
 * {@link SamRoleStore}.
 */
class SamRole {

    private final String operatorId;

    private final String roleId;

    private String description;

    private String permission;

    private final long createdAt;

    private long updatedAt;

    /** The row's optimistic-lock version. */
    private long version;

    /** Whether the row exists (loaded or inserted): {@link SamRoleStore#save} inserts or updates. */
    private boolean persisted;

    SamRole(String operatorId, String roleId, String description, String permission, long nowSeconds) {
        this.operatorId = operatorId;
        this.roleId = roleId;
        this.description = description;
        this.permission = permission;
        this.createdAt = nowSeconds;
        this.updatedAt = nowSeconds;
    }

    /** A role as stored. */
    static SamRole stored(String operatorId, String roleId, String description, String permission, long createdAt,
            long updatedAt, long version) {
        SamRole r = new SamRole(operatorId, roleId, description, permission, createdAt);
        r.updatedAt = updatedAt;
        r.stored(version);
        return r;
    }

    /** The store wrote the role (or read it) at this version. */
    void stored(long version) {
        this.version = version;
        this.persisted = true;
    }

    long version() {
        return version;
    }

    boolean persisted() {
        return persisted;
    }

    String operatorId() {
        return operatorId;
    }

    String roleId() {
        return roleId;
    }

    String description() {
        return description;
    }

    String permission() {
        return permission;
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }

    void update(String description, String permission, long now) {
        this.description = description;
        this.permission = permission;
        this.updatedAt = now;
    }
}
