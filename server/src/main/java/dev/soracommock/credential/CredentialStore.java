package dev.soracommock.credential;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Credentials sets (table {@code credential}), always scoped to an operator (first argument). */
@Repository
class CredentialStore {

    private static final String COLUMNS = "id, operator_id, credentials_id, type, description, credentials, created_at,"
            + " updated_at, last_used_at";

    private static final RowMapper<Credential> ROW = (rs, i) -> Credential.fromRow(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
            rs.getObject(9, Long.class));

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credential> findByOperatorIdAndCredentialsId(String operatorId, String credentialsId) {
        return jdbc.sql("select " + COLUMNS + " from credential where operator_id = :operatorId"
                + " and credentials_id = :credentialsId")
                .param("operatorId", operatorId).param("credentialsId", credentialsId).query(ROW).optional();
    }

    List<Credential> findByOperatorIdOrderByCredentialsIdAsc(String operatorId) {
        return jdbc.sql("select " + COLUMNS + " from credential where operator_id = :operatorId order by credentials_id")
                .param("operatorId", operatorId).query(ROW).list();
    }

    /** Inserts a new set or updates a read one. */
    Credential save(Credential c) {
        if (c.id() == null) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into credential (operator_id, credentials_id, type, description, credentials, created_at,"
                    + " updated_at, last_used_at) values (:operatorId, :credentialsId, :type, :description,"
                    + " :credentials, :createdAt, :updatedAt, :lastUsedAt)")
                    .param("operatorId", c.operatorId())
                    .param("credentialsId", c.credentialsId())
                    .param("type", c.type())
                    .param("description", c.description())
                    .param("credentials", c.credentials())
                    .param("createdAt", c.createdAt())
                    .param("updatedAt", c.updatedAt())
                    .param("lastUsedAt", c.lastUsedAt())
                    .update(keys, "id");
            c.inserted(keys.getKey().longValue());
        } else {
            jdbc.sql("update credential set type = :type, description = :description, credentials = :credentials,"
                    + " updated_at = :updatedAt, last_used_at = :lastUsedAt where operator_id = :operatorId and id = :id")
                    .param("type", c.type())
                    .param("description", c.description())
                    .param("credentials", c.credentials())
                    .param("updatedAt", c.updatedAt())
                    .param("lastUsedAt", c.lastUsedAt())
                    .param("operatorId", c.operatorId())
                    .param("id", c.id())
                    .update();
        }
        return c;
    }

    void delete(Credential c) {
        jdbc.sql("delete from credential where operator_id = :operatorId and id = :id")
                .param("operatorId", c.operatorId()).param("id", c.id()).update();
    }
}
