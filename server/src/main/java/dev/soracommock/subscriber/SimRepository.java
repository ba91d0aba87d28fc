package dev.soracommock.subscriber;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** SIMs. Every look-up of an operator's SIM takes the operator ID first; the exceptions are commented. */
interface SimRepository extends Repository<Sim, String> {

    Optional<Sim> findByOperatorIdAndSimId(String operatorId, String simId);

    /** Keyset page of an operator's SIMs in SIM ID order, after {@code after} (null: from the start). */
    @Query("select s from Sim s where s.operatorId = :operatorId and (:after is null or s.simId > :after) order by s.simId")
    List<Sim> page(String operatorId, String after, Limit limit);

    /** Keyset page of an operator's SIMs of some speed classes, in SIM ID order. */
    @Query("select s from Sim s where s.operatorId = :operatorId and s.speedClass in :speedClasses and (:after is null or s.simId > :after) order by s.simId")
    List<Sim> pageOfSpeedClasses(String operatorId, Collection<String> speedClasses, String after, Limit limit);

    /** Keyset page of the SIMs in one of the operator's groups, in SIM ID order. */
    @Query("select s from Sim s where s.operatorId = :operatorId and s.groupId = :groupId and (:after is null or s.simId > :after) order by s.simId")
    List<Sim> pageInGroup(String operatorId, String groupId, String after, Limit limit);

    /** How many of the operator's SIMs are in each status: rows of (status, count). */
    @Query("select s.status, count(s) from Sim s where s.operatorId = :operatorId group by s.status")
    List<Object[]> countByStatus(String operatorId);

    /** Registration: an unregistered SIM has no owner yet; the registration secret proves the caller holds it. */
    Optional<Sim> findByOperatorIdIsNullAndSimId(String simId);

    /** Device side (/_mock): the SIM ID alone, whoever owns it. */
    Optional<Sim> findBySimId(String simId);

    /** Registration: whether the SIM ID exists at all (to tell "already registered" from "unknown"). */
    boolean existsBySimId(String simId);

    /** The operator's SIMs whose expiry time lies in (after, until]: expiry rules of event handlers. */
    List<Sim> findByOperatorIdAndExpiryTimeGreaterThanAndExpiryTimeLessThanEqual(String operatorId, Long after,
            Long until);

    Sim save(Sim sim);
}
