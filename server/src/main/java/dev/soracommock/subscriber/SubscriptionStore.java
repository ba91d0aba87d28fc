package dev.soracommock.subscriber;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions (IMSIs, table {@code sim_subscription}) looked up by IMSI or MSISDN, each with its whole SIM (read
 * with the subscription in one query, then the SIM's subscriptions and tags); {@link SimStore} writes them with their
 * SIM. Every look-up of an operator's subscriber takes the operator ID first; the exceptions are commented.
 */
@Repository
class SubscriptionStore {

    private static final String SIM_OF_SUBSCRIPTION = "select " + SimStore.SIM_COLUMNS
            + " from sim_subscription sub join sim s on s.sim_id = sub.sim_id where ";

    private final JdbcClient jdbc;
    private final SimStore sims;

    SubscriptionStore(JdbcClient jdbc, SimStore sims) {
        this.jdbc = jdbc;
        this.sims = sims;
    }

    Optional<Subscription> findByOperatorIdAndImsi(String operatorId, String imsi) {
        return sims.one(jdbc.sql(SIM_OF_SUBSCRIPTION + "sub.operator_id = :operatorId and sub.imsi = :imsi")
                .param("operatorId", operatorId).param("imsi", imsi).query(SimStore.SIM).list())
                .flatMap(sim -> subscription(sim, imsi));
    }

    Optional<Subscription> findByOperatorIdAndMsisdn(String operatorId, String msisdn) {
        return sims.one(jdbc.sql(SIM_OF_SUBSCRIPTION + "sub.operator_id = :operatorId and sub.msisdn = :msisdn")
                .param("operatorId", operatorId).param("msisdn", msisdn).query(SimStore.SIM).list())
                .flatMap(sim -> sim.subscriptions().stream().filter(s -> msisdn.equals(s.msisdn())).findFirst());
    }

    /** Registration: an unregistered subscriber has no owner yet; the registration secret proves the caller holds it. */
    Optional<Subscription> findByOperatorIdIsNullAndImsi(String imsi) {
        return sims.one(jdbc.sql(SIM_OF_SUBSCRIPTION + "sub.operator_id is null and sub.imsi = :imsi")
                .param("imsi", imsi).query(SimStore.SIM).list())
                .flatMap(sim -> subscription(sim, imsi));
    }

    /** Registration: whether the IMSI exists at all (to tell "already registered" from "unknown"). */
    boolean existsByImsi(String imsi) {
        return !jdbc.sql("select 1 from sim_subscription where imsi = :imsi").param("imsi", imsi).query(Integer.class)
                .list().isEmpty();
    }

    private static Optional<Subscription> subscription(Sim sim, String imsi) {
        return sim.subscriptions().stream().filter(s -> s.imsi().equals(imsi)).findFirst();
    }
}
