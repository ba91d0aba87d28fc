package dev.soracommock.operator;

import dev.soracommock.clock.MockClock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of an operator's account, one JSON document per kind and name: {@code company}/{@code individual}
 * information, {@code configuration} namespaces, {@code contract}s. Each write bumps the document's version.
 */
@Repository
class AccountDocumentStore {

    static final String COMPANY = "company";
    static final String INDIVIDUAL = "individual";
    static final String CONFIGURATION = "configuration";
    static final String CONTRACT = "contract";

    record Document(String name, String body, long version) {
    }

    private final JdbcTemplate jdbc;
    private final MockClock clock;

    AccountDocumentStore(JdbcTemplate jdbc, MockClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<Document> find(String operatorId, String kind, String name) {
        return jdbc.query("select name, body, version from operator_document where operator_id = ? and kind = ? and name = ?",
                (rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getLong(3)), operatorId, kind, name)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    List<Document> list(String operatorId, String kind) {
        return jdbc.query("select name, body, version from operator_document where operator_id = ? and kind = ? order by name",
                (rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getLong(3)), operatorId, kind);
    }

    /** Creates or replaces the document; returns its new version (1 for a new one). */
    @Transactional
    long put(String operatorId, String kind, String name, String body) {
        long now = clock.nowMillis();
        Optional<Document> existing = find(operatorId, kind, name);
        if (existing.isPresent()) {
            long version = existing.get().version() + 1;
            jdbc.update("update operator_document set body = ?, version = ?, updated_at = ? where operator_id = ? and kind = ? and name = ?",
                    body, version, now, operatorId, kind, name);
            return version;
        }
        jdbc.update("insert into operator_document (operator_id, kind, name, body, version, updated_at) values (?, ?, ?, ?, 1, ?)",
                operatorId, kind, name, body, now);
        return 1;
    }

    @Transactional
    boolean delete(String operatorId, String kind, String name) {
        return jdbc.update("delete from operator_document where operator_id = ? and kind = ? and name = ?", operatorId, kind, name) > 0;
    }
}
