package dev.soracommock.operator;

import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operators (table {@code operator}). */
@Repository
class OperatorStore {

    private static final String COLUMNS = "operator_id, email, password_hash, description, coverage_types,"
            + " payment_method_registered, verified, created_at, updated_at, version";

    private static final RowMapper<Operator> ROW = (rs, i) -> Operator.fromRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8),
            rs.getLong(9), rs.getLong(10));

    private final JdbcClient jdbc;

    OperatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Operator> findByOperatorId(String operatorId) {
        return jdbc.sql("select " + COLUMNS + " from operator where operator_id = :operatorId")
                .param("operatorId", operatorId).query(ROW).optional();
    }

    /** Login by e-mail (and the sign-up's look-up): the e-mail is what establishes who the caller is. */
    Optional<Operator> findByEmailIgnoreCase(String email) {
        return jdbc.sql("select " + COLUMNS + " from operator where upper(email) = upper(:email)")
                .param("email", email).query(ROW).optional();
    }

    boolean existsByOperatorId(String operatorId) {
        return jdbc.sql("select count(*) from operator where operator_id = :operatorId")
                .param("operatorId", operatorId).query(Long.class).single() > 0;
    }

    /** Whether any operator has this e-mail (they are unique across operators). */
    boolean existsByEmailIgnoreCase(String email) {
        return jdbc.sql("select count(*) from operator where upper(email) = upper(:email)")
                .param("email", email).query(Long.class).single() > 0;
    }

    /**
     * Inserts a new operator or updates a read one, if its row still has the version read.
     *
     * @throws OptimisticLockingFailureException when the row was changed (or deleted) since it was read
     * @throws org.springframework.dao.DuplicateKeyException when the ID or the e-mail is taken (an insert)
     */
    Operator save(Operator op) {
        if (!op.persisted()) {
            jdbc.sql("insert into operator (" + COLUMNS + ") values (:operatorId, :email, :passwordHash, :description,"
                    + " :coverageTypes, :paymentMethodRegistered, :verified, :createdAt, :updatedAt, :version)")
                    .param("operatorId", op.operatorId())
                    .param("email", op.email())
                    .param("passwordHash", op.passwordHash())
                    .param("description", op.description())
                    .param("coverageTypes", op.coverageTypesColumn())
                    .param("paymentMethodRegistered", op.paymentMethodRegistered())
                    .param("verified", op.verified())
                    .param("createdAt", op.createdAt())
                    .param("updatedAt", op.updatedAt())
                    .param("version", op.version())
                    .update();
        } else {
            int updated = jdbc.sql("update operator set email = :email, password_hash = :passwordHash,"
                    + " description = :description, coverage_types = :coverageTypes,"
                    + " payment_method_registered = :paymentMethodRegistered, verified = :verified,"
                    + " updated_at = :updatedAt, version = version + 1"
                    + " where operator_id = :operatorId and version = :version")
                    .param("email", op.email())
                    .param("passwordHash", op.passwordHash())
                    .param("description", op.description())
                    .param("coverageTypes", op.coverageTypesColumn())
                    .param("paymentMethodRegistered", op.paymentMethodRegistered())
                    .param("verified", op.verified())
                    .param("updatedAt", op.updatedAt())
                    .param("operatorId", op.operatorId())
                    .param("version", op.version())
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("operator " + op.operatorId() + " was changed or deleted"
                        + " since it was read (version " + op.version() + ")");
            }
        }
        op.stored();
        return op;
    }

    /** Deletes the operator; the schema's cascades delete everything it owns. */
    void deleteByOperatorId(String operatorId) {
        jdbc.sql("delete from operator where operator_id = :operatorId").param("operatorId", operatorId).update();
    }
}
