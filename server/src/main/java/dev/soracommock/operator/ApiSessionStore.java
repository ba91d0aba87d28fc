package dev.soracommock.operator;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API keys' sessions (table {@code api_session}). */
@Repository
class ApiSessionStore {

    private static final String COLUMNS = "api_key, operator_id, user_name, session_id, expires_at, revoked, created_at";

    private static final RowMapper<ApiSession> ROW = (rs, i) -> ApiSession.fromRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getBoolean(6), rs.getLong(7));

    private final JdbcClient jdbc;

    ApiSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Authentication: the API key is what the caller presents. */
    Optional<ApiSession> findByApiKey(String apiKey) {
        return jdbc.sql("select " + COLUMNS + " from api_session where api_key = :apiKey")
                .param("apiKey", apiKey).query(ROW).optional();
    }

    /**
     * Authentication of every call: what it needs of an API key, its session and its operator's coverage types, in
     * one query (by the two primary keys). Empty when the key is unknown.
     */
    Optional<SessionCache.Entry> findEntryByApiKey(String apiKey) {
        return jdbc.sql("""
                select s.operator_id, s.user_name, s.session_id, s.revoked, o.coverage_types
                from api_session s join operator o on o.operator_id = s.operator_id
                where s.api_key = :apiKey""")
                .param("apiKey", apiKey)
                .query((rs, i) -> new SessionCache.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), Operator.coverageTypes(rs.getString(5))))
                .optional();
    }

    /** Inserts a new session or updates a read one (its expiry and revocation). */
    ApiSession save(ApiSession s) {
        if (!s.persisted()) {
            jdbc.sql("insert into api_session (" + COLUMNS + ") values (:apiKey, :operatorId, :userName, :sessionId,"
                    + " :expiresAt, :revoked, :createdAt)")
                    .param("apiKey", s.apiKey())
                    .param("operatorId", s.operatorId())
                    .param("userName", s.userName())
                    .param("sessionId", s.sessionId())
                    .param("expiresAt", s.expiresAt())
                    .param("revoked", s.revoked())
                    .param("createdAt", s.createdAt())
                    .update();
        } else {
            jdbc.sql("update api_session set expires_at = :expiresAt, revoked = :revoked where api_key = :apiKey")
                    .param("expiresAt", s.expiresAt())
                    .param("revoked", s.revoked())
                    .param("apiKey", s.apiKey())
                    .update();
        }
        s.stored();
        return s;
    }

    int revokeAllOf(String operatorId) {
        return jdbc.sql("update api_session set revoked = true where operator_id = :operatorId")
                .param("operatorId", operatorId).update();
    }

    int revokeAllOfUser(String operatorId, String userName) {
        return jdbc.sql("update api_session set revoked = true where operator_id = :operatorId and user_name = :userName")
                .param("operatorId", operatorId).param("userName", userName).update();
    }
}
