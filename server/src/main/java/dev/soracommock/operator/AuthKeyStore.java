package dev.soracommock.operator;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Auth keys (table {@code auth_key}); every look-up but the login one is scoped to an operator. */
@Repository
class AuthKeyStore {

    private static final String COLUMNS = "auth_key_id, operator_id, user_name, secret_hash, created_at, last_used_at";

    private static final RowMapper<AuthKey> ROW = (rs, i) -> AuthKey.fromRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getObject(6, Long.class));

    private final JdbcClient jdbc;

    AuthKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Login by auth key: the key ID is the only thing the caller presents. */
    Optional<AuthKey> findByAuthKeyId(String authKeyId) {
        return jdbc.sql("select " + COLUMNS + " from auth_key where auth_key_id = :authKeyId")
                .param("authKeyId", authKeyId).query(ROW).optional();
    }

    /** The operator's own keys (not its users'), oldest first. */
    List<AuthKey> findByOperatorIdAndUserNameIsNullOrderByCreatedAtAscAuthKeyIdAsc(String operatorId) {
        return jdbc.sql("select " + COLUMNS + " from auth_key where operator_id = :operatorId and user_name is null"
                + " order by created_at, auth_key_id")
                .param("operatorId", operatorId).query(ROW).list();
    }

    Optional<AuthKey> findByOperatorIdAndUserNameIsNullAndAuthKeyId(String operatorId, String authKeyId) {
        return jdbc.sql("select " + COLUMNS + " from auth_key where operator_id = :operatorId and user_name is null"
                + " and auth_key_id = :authKeyId")
                .param("operatorId", operatorId).param("authKeyId", authKeyId).query(ROW).optional();
    }

    /** A SAM user's keys, oldest first. */
    List<AuthKey> findByOperatorIdAndUserNameOrderByCreatedAtAscAuthKeyIdAsc(String operatorId, String userName) {
        return jdbc.sql("select " + COLUMNS + " from auth_key where operator_id = :operatorId and user_name = :userName"
                + " order by created_at, auth_key_id")
                .param("operatorId", operatorId).param("userName", userName).query(ROW).list();
    }

    Optional<AuthKey> findByOperatorIdAndUserNameAndAuthKeyId(String operatorId, String userName, String authKeyId) {
        return jdbc.sql("select " + COLUMNS + " from auth_key where operator_id = :operatorId and user_name = :userName"
                + " and auth_key_id = :authKeyId")
                .param("operatorId", operatorId).param("userName", userName).param("authKeyId", authKeyId)
                .query(ROW).optional();
    }

    /** Whether any operator has a key with this ID (they are unique across operators). */
    boolean existsByAuthKeyId(String authKeyId) {
        return jdbc.sql("select count(*) from auth_key where auth_key_id = :authKeyId")
                .param("authKeyId", authKeyId).query(Long.class).single() > 0;
    }

    /** Inserts a new key or updates a read one (its last use). */
    AuthKey save(AuthKey key) {
        if (!key.persisted()) {
            jdbc.sql("insert into auth_key (" + COLUMNS + ") values (:authKeyId, :operatorId, :userName, :secretHash,"
                    + " :createdAt, :lastUsedAt)")
                    .param("authKeyId", key.authKeyId())
                    .param("operatorId", key.operatorId())
                    .param("userName", key.userName())
                    .param("secretHash", key.secretHash())
                    .param("createdAt", key.createdAt())
                    .param("lastUsedAt", key.lastUsedAt())
                    .update();
        } else {
            jdbc.sql("update auth_key set last_used_at = :lastUsedAt where operator_id = :operatorId"
                    + " and auth_key_id = :authKeyId")
                    .param("lastUsedAt", key.lastUsedAt())
                    .param("operatorId", key.operatorId())
                    .param("authKeyId", key.authKeyId())
                    .update();
        }
        key.stored();
        return key;
    }

    void delete(AuthKey key) {
        jdbc.sql("delete from auth_key where operator_id = :operatorId and auth_key_id = :authKeyId")
                .param("operatorId", key.operatorId()).param("authKeyId", key.authKeyId()).update();
    }
}
