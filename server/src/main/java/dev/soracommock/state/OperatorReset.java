package dev.soracommock.state;

import dev.soracommock.kernel.OperatorStateReset;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /_mock/operators/{id}/reset}: removes every row the operator owns ({@link OperatorScope}: SIMs and
 * everything under them, groups, SAM users and roles with their keys and sessions, account documents, orders,
 * coupons, shipping addresses, stats, …), children before parents, in one transaction. The operator's row, its own
 * auth keys and its API sessions stay, so its clients go on with the same credentials. Other operators and what no
 * operator owns (eSIM Commerce resellers, unregistered sandbox SIMs, the signing key) are untouched.
 */
@Component
class OperatorReset {

    /** What a reset removed. */
    record Result(int tables, long rows) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final OperatorScope scope;
    private final StateSchema schema;
    private final ApplicationEventPublisher events;

    OperatorReset(NamedParameterJdbcTemplate jdbc, OperatorScope scope, StateSchema schema,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schema = schema;
        this.events = events;
    }

    @Transactional
    Result reset(String operatorId) {
        requireOperator(operatorId);
        List<OperatorScope.Owned> owned = scope.owned();
        long rows = 0;
        for (int i = owned.size() - 1; i >= 0; i--) {
            OperatorScope.Owned o = owned.get(i);
            rows += jdbc.update("delete from " + o.table().quoted() + " t0 where " + o.condition(), Map.of("op", operatorId));
        }
        events.publishEvent(new OperatorStateReset(operatorId));
        return new Result(owned.size(), rows);
    }

    /** @throws ApiException 404 MCK0101 unless the operator exists */
    void requireOperator(String operatorId) {
        StateSchema.Table op = schema.get().table(OperatorScope.OPERATOR);
        Integer n = jdbc.queryForObject("select count(*) from " + op.quoted() + " where " + op.quoted(OperatorScope.OPERATOR_ID)
                + " = :op", Map.of("op", operatorId), Integer.class);
        if (n == null || n == 0) {
            throw new ApiException(ErrorCode.MOCK_OPERATOR_NOT_FOUND, operatorId);
        }
    }
}
