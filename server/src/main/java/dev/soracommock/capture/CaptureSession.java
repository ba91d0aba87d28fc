package dev.soracommock.capture;

/**
 * A packet capture session of a SIM. Its status is not stored: it is CAPTURING until {@code endsAt} on the emulator's
 * clock and DONE from then on; a stop moves {@code endsAt} to the moment of the stop. A row of
 * {@code packet_capture_session} ({@link CaptureSessionStore}); {@link #version} is the row's optimistic lock.
 */
class CaptureSession {

    /** The row's identity column; null until the session is inserted. */
    private Long id;

    private String sessionId;

    private String operatorId;

    private String simId;

    private String prefix;

    private int durationSeconds;

    private long createdAt;

    private long endsAt;

    private boolean stopped;

    private long version;

    private CaptureSession() {
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

    /** A session as read from its row. */
    static CaptureSession fromRow(long id, String sessionId, String operatorId, String simId, String prefix,
            int durationSeconds, long createdAt, long endsAt, boolean stopped, long version) {
        CaptureSession s = new CaptureSession();
        s.id = id;
        s.sessionId = sessionId;
        s.operatorId = operatorId;
        s.simId = simId;
        s.prefix = prefix;
        s.durationSeconds = durationSeconds;
        s.createdAt = createdAt;
        s.endsAt = endsAt;
        s.stopped = stopped;
        s.version = version;
        return s;
    }

    /** Inserted: the identity the database gave the row (its version stays 0). */
    void inserted(long id) {
        this.id = id;
    }

    /** Updated: the row's version is one more. */
    void updated() {
        version++;
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

    String operatorId() {
        return operatorId;
    }

    long version() {
        return version;
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
