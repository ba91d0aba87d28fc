package dev.soracommock.sam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;

/** A role: a named permission that users attach; its SRN is {@code srn:soracom:::Role:<roleId>}. */
@Entity
@Table(name = "sam_role")
class SamRole {

    @Embeddable
    record Key(@Column(name = "operator_id") String operatorId, @Column(name = "role_id") String roleId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private String description;

    private String permission;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "updated_at")
    private long updatedAt;

    @Version
    private long version;

    protected SamRole() {
    }

    SamRole(String operatorId, String roleId, String description, String permission, long nowSeconds) {
        this.key = new Key(operatorId, roleId);
        this.description = description;
        this.permission = permission;
        this.createdAt = nowSeconds;
        this.updatedAt = nowSeconds;
    }

    String operatorId() {
        return key.operatorId();
    }

    String roleId() {
        return key.roleId();
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
