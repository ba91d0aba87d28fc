package dev.soracommock.subscriber;

/**
 * A session event of a SIM: {@code Created} when it comes online, {@code Deleted} when its session ends (table
 * {@code sim_session_event}, {@link SessionEventStore}; the ID is the table's identity, null until stored).
 */
class SessionEvent {

    private Long id;

    private String operatorId;

    private String simId;

    private String imsi;

    private String event;

    private String sessionId;

    private String imei;

    private String ueIp;

    private String subscription;

    private String apn;

    private long time;

    /** An event as stored (a row of {@code sim_session_event}). */
    SessionEvent(Long id, String operatorId, String simId, String imsi, String event, String sessionId, String imei,
            String ueIp, String subscription, String apn, long time) {
        this.id = id;
        this.operatorId = operatorId;
        this.simId = simId;
        this.imsi = imsi;
        this.event = event;
        this.sessionId = sessionId;
        this.imei = imei;
        this.ueIp = ueIp;
        this.subscription = subscription;
        this.apn = apn;
        this.time = time;
    }

    SessionEvent(Sim sim, String event, String sessionId, String imei, String ueIp, long now) {
        Subscription primary = sim.primary();
        this.operatorId = sim.operatorId();
        this.simId = sim.simId();
        this.imsi = primary.imsi();
        this.event = event;
        this.sessionId = sessionId;
        this.imei = imei;
        this.ueIp = ueIp;
        this.subscription = primary.subscription();
        this.apn = primary.apn();
        this.time = now;
    }

    Long id() { return id; }
    String operatorId() { return operatorId; }
    String simId() { return simId; }
    String imsi() { return imsi; }
    String event() { return event; }
    String sessionId() { return sessionId; }
    String imei() { return imei; }
    String ueIp() { return ueIp; }
    String subscription() { return subscription; }
    String apn() { return apn; }
    long time() { return time; }
}
