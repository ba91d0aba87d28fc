package dev.soracommock.sam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SAM users ({@code sam_user}) and their attached roles ({@code sam_user_role}), scoped to their operator (first
 * argument). A user is read with its roles; a list of users reads the roles of all of them in one query.
 */
@Repository
class SamUserStore {

    /** A {@code sam_user} row, before its roles are attached. */
    private record Row(String operatorId, String userName, String description, String passwordHash, String permission,
            String trustPolicy, long createdAt, long updatedAt, long version) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("operator_id"), rs.getString("user_name"),
            rs.getString("description"), rs.getString("password_hash"), rs.getString("permission"),
            rs.getString("trust_policy"), rs.getLong("created_at"), rs.getLong("updated_at"), rs.getLong("version"));

    private static final String COLUMNS = "u.operator_id, u.user_name, u.description, u.password_hash, u.permission,"
            + " u.trust_policy, u.created_at, u.updated_at, u.version";

    private final JdbcClient jdbc;

    SamUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SamUser> find(String operatorId, String userName) {
        return withRoles(operatorId, jdbc.sql("select " + COLUMNS + " from sam_user u where u.operator_id = :operatorId"
                        + " and u.user_name = :userName")
                .param("operatorId", operatorId).param("userName", userName).query(ROW).list()).stream().findFirst();
    }

    List<SamUser> findAll(String operatorId) {
        return withRoles(operatorId, jdbc.sql("select " + COLUMNS + " from sam_user u where u.operator_id = :operatorId"
                        + " order by u.user_name")
                .param("operatorId", operatorId).query(ROW).list());
    }

    /** The users the role is attached to, each with all its roles. */
    List<SamUser> findWithRole(String operatorId, String roleId) {
        return withRoles(operatorId, jdbc.sql("""
                        select %s from sam_user u
                        join sam_user_role r on r.operator_id = u.operator_id and r.user_name = u.user_name
                        where u.operator_id = :operatorId and r.role_id = :roleId
                        order by u.user_name""".formatted(COLUMNS))
                .param("operatorId", operatorId).param("roleId", roleId).query(ROW).list());
    }

    /**
     * Inserts a new user or updates a stored one (0 rows at its version: {@link OptimisticLockingFailureException}),
     * and writes the role attachments that changed since it was read or last saved.
     */
    SamUser save(SamUser user) {
        boolean update = user.persisted();
        if (!update) {
            jdbc.sql("""
                            insert into sam_user (operator_id, user_name, description, password_hash, permission,
                              trust_policy, created_at, updated_at, version)
                            values (:operatorId, :userName, :description, :passwordHash, :permission, :trustPolicy,
                              :createdAt, :updatedAt, :version)""")
                    .param("operatorId", user.operatorId()).param("userName", user.userName())
                    .param("description", user.description()).param("passwordHash", user.passwordHash())
                    .param("permission", user.permission()).param("trustPolicy", user.trustPolicy())
                    .param("createdAt", user.createdAt()).param("updatedAt", user.updatedAt())
                    .param("version", user.version()).update();
        } else {
            int updated = jdbc.sql("""
                            update sam_user set description = :description, password_hash = :passwordHash,
                              permission = :permission, trust_policy = :trustPolicy, updated_at = :updatedAt,
                              version = version + 1
                            where operator_id = :operatorId and user_name = :userName and version = :version""")
                    .param("description", user.description()).param("passwordHash", user.passwordHash())
                    .param("permission", user.permission()).param("trustPolicy", user.trustPolicy())
                    .param("updatedAt", user.updatedAt()).param("operatorId", user.operatorId())
                    .param("userName", user.userName()).param("version", user.version()).update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("user " + user.userName() + " was changed or deleted meanwhile");
            }
        }
        Set<String> before = user.storedRoleIds();
        Set<String> after = user.roleIds();
        for (String roleId : before) {
            if (!after.contains(roleId)) {
                jdbc.sql("delete from sam_user_role where operator_id = :operatorId and user_name = :userName"
                                + " and role_id = :roleId")
                        .param("operatorId", user.operatorId()).param("userName", user.userName())
                        .param("roleId", roleId).update();
            }
        }
        for (String roleId : after) {
            if (!before.contains(roleId)) {
                jdbc.sql("insert into sam_user_role (operator_id, user_name, role_id) values (:operatorId, :userName, :roleId)")
                        .param("operatorId", user.operatorId()).param("userName", user.userName())
                        .param("roleId", roleId).update();
            }
        }
        user.stored(update ? user.version() + 1 : user.version());
        return user;
    }

    /** Deletes the user; its role attachments go with it (ON DELETE CASCADE). */
    void delete(SamUser user) {
        int deleted = jdbc.sql("delete from sam_user where operator_id = :operatorId and user_name = :userName"
                        + " and version = :version")
                .param("operatorId", user.operatorId()).param("userName", user.userName())
                .param("version", user.version()).update();
        if (deleted == 0) {
            throw new OptimisticLockingFailureException("user " + user.userName() + " was changed or deleted meanwhile");
        }
    }

    /** The users of these rows, in their order, each with its roles: one query for all of them. */
    private List<SamUser> withRoles(String operatorId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> roles = new HashMap<>();
        rows.forEach(r -> roles.put(r.userName(), new LinkedHashSet<>()));
        jdbc.sql("select user_name, role_id from sam_user_role where operator_id = :operatorId"
                        + " and user_name in (:userNames) order by role_id")
                .param("operatorId", operatorId).param("userNames", List.copyOf(roles.keySet()))
                .query(rs -> {
                    roles.get(rs.getString("user_name")).add(rs.getString("role_id"));
                });
        List<SamUser> users = new ArrayList<>(rows.size());
        for (Row r : rows) {
            users.add(SamUser.stored(r.operatorId(), r.userName(), r.description(), r.passwordHash(), r.permission(),
                    r.trustPolicy(), r.createdAt(), r.updatedAt(), r.version(), roles.get(r.userName())));
        }
        return users;
    }
}
