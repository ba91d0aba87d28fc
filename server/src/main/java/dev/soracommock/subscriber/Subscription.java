package dev.soracommock.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** One subscription (IMSI) of a SIM: what {@code /subscribers/{imsi}} shows, with its SIM's state. */
@Entity
@Table(name = "sim_subscription")
class Subscription {

    @Id
    private String imsi;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sim_id")
    private Sim sim;

    @Column(name = "operator_id")
    private String operatorId;

    private String iccid;

    private String msisdn;

    private String subscription;

    /** Comma-separated bundle names ("" for none). */
    private String bundles;

    private String apn;

    @Column(name = "ip_address")
    private String ipAddress;

    /** {@code plan} of the Subscriber object: 1 when the subscription can send SMS. */
    @Column(name = "sms_plan")
    private int smsPlan;

    @Column(name = "is_primary")
    private boolean primary;

    protected Subscription() {
    }

    Subscription(Sim sim, String imsi, String iccid, String msisdn, String subscription, List<String> bundles,
            String apn, String ipAddress, boolean primary) {
        this.sim = sim;
        this.operatorId = sim.operatorId();
        this.imsi = imsi;
        this.iccid = iccid;
        this.msisdn = msisdn;
        this.subscription = subscription;
        this.bundles = String.join(",", bundles);
        this.apn = apn;
        this.ipAddress = ipAddress;
        this.smsPlan = msisdn == null ? 0 : 1;
        this.primary = primary;
    }

    String imsi() { return imsi; }
    Sim sim() { return sim; }
    String operatorId() { return operatorId; }
    String iccid() { return iccid; }
    String msisdn() { return msisdn; }
    String subscription() { return subscription; }
    String apn() { return apn; }
    String ipAddress() { return ipAddress; }
    int smsPlan() { return smsPlan; }
    boolean primary() { return primary; }

    List<String> bundles() {
        return bundles == null || bundles.isEmpty() ? List.of() : Arrays.asList(bundles.split(","));
    }

    void owner(String operatorId) {
        this.operatorId = operatorId;
    }

    void bundles(List<String> bundles) {
        this.bundles = String.join(",", bundles);
    }
}
