package dev.soracommock.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A session event of a SIM: {@code Created} when it comes online, {@code Deleted} when its session ends. */
@Entity
@Table(name = "sim_session_event")
class SessionEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "sim_id")
    private String simId;

    private String imsi;

    private String event;

    @Column(name = "session_id")
    private String sessionId;

    private String imei;

    @Column(name = "ue_ip")
    private String ueIp;

    private String subscription;

    private String apn;

    @Column(name = "event_time")
    private long time;

    protected SessionEvent() {
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
