package dev.soracommock.capture;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A packet capture session of a SIM. Its status is not stored: it is CAPTURING until {@code endsAt} on the emulator's
 * clock and DONE from then on; a stop moves {@code endsAt} to the moment of the stop.
 */
@Entity
@Table(name = "packet_capture_session")
class CaptureSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "sim_id")
    private String simId;

    private String prefix;

    @Column(name = "duration_seconds")
    private int durationSeconds;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "ends_at")
    private long endsAt;

    private boolean stopped;

    @Version
    private long version;

    protected CaptureSession() {
    }

    CaptureSession(String sessionId, String operatorId, String simId, String prefix, int durationSeconds, long now) {
        this.sessionId = sessionId;
        this.operatorId = operatorId;
        this.simId = simId;
        this.prefix = prefix;
        this.durationSeconds = durationSeconds;
        this.createdAt = now;
        this.endsAt = now + durationSeconds * 1000L;
    }

    boolean capturing(long now) {
        return now < endsAt;
    }

    void stop(long now) {
        endsAt = now;
        stopped = true;
    }

    Long id() {
        return id;
    }

    String sessionId() {
        return sessionId;
    }

    String simId() {
        return simId;
    }

    String prefix() {
        return prefix;
    }

    int durationSeconds() {
        return durationSeconds;
    }

    long createdAt() {
        return createdAt;
    }

    long endsAt() {
        return endsAt;
    }

    boolean stopped() {
        return stopped;
    }
}
