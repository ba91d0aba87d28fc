package dev.soracommock.subscriber;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Session events, newest first, scoped to the operator. */
interface SessionEventRepository extends Repository<SessionEvent, Long> {

    @Query("select e from SessionEvent e where e.operatorId = :operatorId and e.simId = :simId"
            + " and e.time >= :fromMs and e.time <= :toMs and (:after is null or e.id < :after) order by e.id desc")
    List<SessionEvent> pageBySim(String operatorId, String simId, long fromMs, long toMs, Long after, Limit limit);

    @Query("select e from SessionEvent e where e.operatorId = :operatorId and e.imsi = :imsi"
            + " and e.time >= :fromMs and e.time <= :toMs and (:after is null or e.id < :after) order by e.id desc")
    List<SessionEvent> pageByImsi(String operatorId, String imsi, long fromMs, long toMs, Long after, Limit limit);

    SessionEvent save(SessionEvent event);
}
