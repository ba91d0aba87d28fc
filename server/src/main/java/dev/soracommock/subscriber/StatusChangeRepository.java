package dev.soracommock.subscriber;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Status history of SIMs, scoped to the operator. */
interface StatusChangeRepository extends Repository<StatusChange, Long> {

    @Query("select c from StatusChange c where c.operatorId = :operatorId and c.simId = :simId"
            + " and c.appliedAt >= :fromMs and c.appliedAt <= :toMs and (:after is null or c.id < :after) order by c.id desc")
    List<StatusChange> pageDesc(String operatorId, String simId, long fromMs, long toMs, Long after, Limit limit);

    @Query("select c from StatusChange c where c.operatorId = :operatorId and c.simId = :simId"
            + " and c.appliedAt >= :fromMs and c.appliedAt <= :toMs and (:after is null or c.id > :after) order by c.id asc")
    List<StatusChange> pageAsc(String operatorId, String simId, long fromMs, long toMs, Long after, Limit limit);

    /** Every change of the operator's SIMs applied before {@code beforeMs}, per SIM in the order applied (billing). */
    @Query("select c from StatusChange c where c.operatorId = :operatorId and c.appliedAt < :beforeMs"
            + " order by c.simId, c.appliedAt, c.id")
    List<StatusChange> appliedBefore(String operatorId, long beforeMs);

    StatusChange save(StatusChange change);
}
