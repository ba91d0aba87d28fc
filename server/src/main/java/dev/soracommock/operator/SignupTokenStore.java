package dev.soracommock.operator;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time sign-up tokens (table {@code operator_signup_token}); the look-up by token establishes whose it is (like a
 * login), hence takes no operator.
 */
@Repository
class SignupTokenStore {

    private static final RowMapper<SignupToken> ROW = (rs, i) -> SignupToken.fromRow(rs.getString(1), rs.getString(2),
            rs.getLong(3));

    private final JdbcClient jdbc;

    SignupTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignupToken> findByOperatorId(String operatorId) {
        return jdbc.sql("select operator_id, token, expires_at from operator_signup_token where operator_id = :operatorId")
                .param("operatorId", operatorId).query(ROW).optional();
    }

    Optional<SignupToken> findByToken(String token) {
        return jdbc.sql("select operator_id, token, expires_at from operator_signup_token where token = :token")
                .param("token", token).query(ROW).optional();
    }

    /** Inserts a new token or updates a read one (renewed). */
    SignupToken save(SignupToken t) {
        if (!t.persisted()) {
            jdbc.sql("insert into operator_signup_token (operator_id, token, expires_at)"
                    + " values (:operatorId, :token, :expiresAt)")
                    .param("operatorId", t.operatorId()).param("token", t.token()).param("expiresAt", t.expiresAt())
                    .update();
        } else {
            jdbc.sql("update operator_signup_token set token = :token, expires_at = :expiresAt"
                    + " where operator_id = :operatorId")
                    .param("token", t.token()).param("expiresAt", t.expiresAt()).param("operatorId", t.operatorId())
                    .update();
        }
        t.stored();
        return t;
    }

    void delete(SignupToken t) {
        jdbc.sql("delete from operator_signup_token where operator_id = :operatorId")
                .param("operatorId", t.operatorId()).update();
    }
}
