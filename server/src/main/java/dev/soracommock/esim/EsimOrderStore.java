package dev.soracommock.esim;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders ({@code esim_transaction}), scoped to their reseller (first argument). */
@Repository
class EsimOrderStore {

    private final JdbcClient jdbc;

    EsimOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String resellerId, String transactionId) {
        return jdbc.sql("select count(*) from esim_transaction where reseller_id = :resellerId"
                        + " and transaction_id = :transactionId")
                .param("resellerId", resellerId).param("transactionId", transactionId).query(Long.class).single() > 0;
    }

    /** Inserts the order (an order is never changed). */
    void insert(EsimOrder order) {
        jdbc.sql("""
                        insert into esim_transaction (reseller_id, transaction_id, plan_code, quantity, created_at)
                        values (:resellerId, :transactionId, :planCode, :quantity, :createdAt)""")
                .param("resellerId", order.resellerId()).param("transactionId", order.transactionId())
                .param("planCode", order.planCode()).param("quantity", order.quantity())
                .param("createdAt", order.createdAt()).update();
    }
}
