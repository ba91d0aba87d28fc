package dev.soracommock.esim;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resellers ({@code esim_reseller}): a reseller is its own tenant, named by its ID. */
@Repository
class ResellerStore {

    private final JdbcClient jdbc;

    ResellerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String resellerId) {
        return jdbc.sql("select count(*) from esim_reseller where reseller_id = :resellerId")
                .param("resellerId", resellerId).query(Long.class).single() > 0;
    }

    /** Inserts the reseller (a reseller is never changed). */
    void insert(Reseller reseller) {
        jdbc.sql("insert into esim_reseller (reseller_id, created_at) values (:resellerId, :createdAt)")
                .param("resellerId", reseller.resellerId()).param("createdAt", reseller.createdAt()).update();
    }
}
