package dev.soracommock.eventhandler;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Event handlers, scoped to an operator (first argument); the one exception is commented. */
interface EventHandlerRepository extends Repository<EventHandler, String> {

    Optional<EventHandler> findByOperatorIdAndHandlerId(String operatorId, String handlerId);

    List<EventHandler> findByOperatorIdOrderByCreatedAtAscHandlerIdAsc(String operatorId);

    @Query("select h from EventHandler h where h.operatorId = :operatorId and h.status = 'active'"
            + " and h.ruleType in :ruleTypes order by h.createdAt, h.handlerId")
    List<EventHandler> active(String operatorId, Collection<String> ruleTypes);

    /**
     * Not scoped: a move of the emulator's clock belongs to no operator; it asks which operators have active handlers
     * of these rule types (expiry rules), then works within each of them.
     */
    @Query("select distinct h.operatorId from EventHandler h where h.status = 'active' and h.ruleType in :ruleTypes")
    List<String> operatorsWithActive(Collection<String> ruleTypes);

    /**
     * Not scoped: the control API ({@code /_mock/event-handlers/{handler_id}/firings}) has no caller; the handler ID
     * alone names the handler, as the SIM ID names a SIM on the device routes.
     */
    Optional<EventHandler> findByHandlerId(String handlerId);

    /** Not scoped: a new handler ID must be unique across operators (it is the table's primary key). */
    boolean existsByHandlerId(String handlerId);

    EventHandler save(EventHandler handler);

    void delete(EventHandler handler);
}
