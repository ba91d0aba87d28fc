package dev.soracommock.sam;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SAM roles ({@code sam_role}), scoped to their operator (first argument). */
@Repository
class SamRoleStore {

    private static final RowMapper<SamRole> ROLE = (rs, i) -> SamRole.stored(rs.getString("operator_id"),
            rs.getString("role_id"), rs.getString("description"), rs.getString("permission"), rs.getLong("created_at"),
            rs.getLong("updated_at"), rs.getLong("version"));

    private static final String COLUMNS = "operator_id, role_id, description, permission, created_at, updated_at, version";

    private final JdbcClient jdbc;

    SamRoleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SamRole> find(String operatorId, String roleId) {
        return jdbc.sql("select " + COLUMNS + " from sam_role where operator_id = :operatorId and role_id = :roleId")
                .param("operatorId", operatorId).param("roleId", roleId).query(ROLE).optional();
    }

    List<SamRole> findAll(String operatorId) {
        return jdbc.sql("select " + COLUMNS + " from sam_role where operator_id = :operatorId order by role_id")
                .param("operatorId", operatorId).query(ROLE).list();
    }

    /** Inserts a new role or updates a stored one (0 rows at its version: {@link OptimisticLockingFailureException}). */
    SamRole save(SamRole role) {
        if (!role.persisted()) {
            jdbc.sql("""
                            insert into sam_role (operator_id, role_id, description, permission, created_at, updated_at, version)
                            values (:operatorId, :roleId, :description, :permission, :createdAt, :updatedAt, :version)""")
                    .param("operatorId", role.operatorId()).param("roleId", role.roleId())
                    .param("description", role.description()).param("permission", role.permission())
                    .param("createdAt", role.createdAt()).param("updatedAt", role.updatedAt())
                    .param("version", role.version()).update();
            role.stored(role.version());
            return role;
        }
        int updated = jdbc.sql("""
                        update sam_role set description = :description, permission = :permission,
                          updated_at = :updatedAt, version = version + 1
                        where operator_id = :operatorId and role_id = :roleId and version = :version""")
                .param("description", role.description()).param("permission", role.permission())
                .param("updatedAt", role.updatedAt()).param("operatorId", role.operatorId())
                .param("roleId", role.roleId()).param("version", role.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("role " + role.roleId() + " was changed or deleted meanwhile");
        }
        role.stored(role.version() + 1);
        return role;
    }

    /** Deletes the role; it is detached from its users by the schema (ON DELETE CASCADE on sam_user_role). */
    void delete(SamRole role) {
        int deleted = jdbc.sql("delete from sam_role where operator_id = :operatorId and role_id = :roleId"
                        + " and version = :version")
                .param("operatorId", role.operatorId()).param("roleId", role.roleId())
                .param("version", role.version()).update();
        if (deleted == 0) {
            throw new OptimisticLockingFailureException("role " + role.roleId() + " was changed or deleted meanwhile");
        }
    }
}
