package dev.soracommock.subscriber;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Subscriptions (IMSIs). Every look-up of an operator's subscriber takes the operator ID first; exceptions commented. */
interface SubscriptionRepository extends Repository<Subscription, String> {

    Optional<Subscription> findByOperatorIdAndImsi(String operatorId, String imsi);

    Optional<Subscription> findByOperatorIdAndMsisdn(String operatorId, String msisdn);

    /** Registration: an unregistered subscriber has no owner yet; the registration secret proves the caller holds it. */
    Optional<Subscription> findByOperatorIdIsNullAndImsi(String imsi);

    /** Registration: whether the IMSI exists at all (to tell "already registered" from "unknown"). */
    boolean existsByImsi(String imsi);
}
