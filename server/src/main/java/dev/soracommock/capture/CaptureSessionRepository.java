package dev.soracommock.capture;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Packet capture sessions, always scoped to an operator (first argument) and, but for the file, to a SIM. */
interface CaptureSessionRepository extends Repository<CaptureSession, Long> {

    Optional<CaptureSession> findByOperatorIdAndSimIdAndSessionId(String operatorId, String simId, String sessionId);

    /**
     * Not scoped to an operator: the capture file's URL names the session alone, as a pre-signed download URL does
     * (the session ID is a random UUID).
     */
    Optional<CaptureSession> findBySessionId(String sessionId);

    /** The SIM's sessions in the order they were created, with an ID above {@code afterId} (0: from the first). */
    @Query("""
            select s from CaptureSession s
            where s.operatorId = :operatorId and s.simId = :simId and s.id > :afterId
            order by s.id""")
    List<CaptureSession> page(@Param("operatorId") String operatorId, @Param("simId") String simId,
            @Param("afterId") Long afterId, Limit limit);

    /** The SIM's sessions still capturing at {@code now}. */
    @Query("""
            select s from CaptureSession s
            where s.operatorId = :operatorId and s.simId = :simId and s.endsAt > :now""")
    List<CaptureSession> capturing(@Param("operatorId") String operatorId, @Param("simId") String simId,
            @Param("now") long now);

    CaptureSession save(CaptureSession session);

    void delete(CaptureSession session);
}
