package dev.soracommock.subscriber;

import java.util.Arrays;
import java.util.List;

/**
 * One subscription (IMSI) of a SIM: what {@code /subscribers/{imsi}} shows, with its SIM's state. Stored in
 * {@code sim_subscription} with its SIM ({@link SimStore}).
 */
class Subscription {

    private final String imsi;
    private Sim sim;
    private String operatorId;
    private final String iccid;
    private final String msisdn;
    private final String subscription;
    /** Comma-separated bundle names ("" for none). */
    private String bundles;
    private final String apn;
    private final String ipAddress;
    /** {@code plan} of the Subscriber object: 1 when the subscription can send SMS. */
    private final int smsPlan;
    private final boolean primary;

    // what SimStore needs to write it: insert or update, whether it changed since read
    private boolean persisted;
    private boolean changed;

    /** A new subscription of a SIM (not stored yet). */
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

    /** A subscription as stored (a row of {@code sim_subscription}); its SIM attaches it. */
    Subscription(String imsi, String operatorId, String iccid, String msisdn, String subscription, String bundles,
            String apn, String ipAddress, int smsPlan, boolean primary) {
        this.imsi = imsi;
        this.operatorId = operatorId;
        this.iccid = iccid;
        this.msisdn = msisdn;
        this.subscription = subscription;
        this.bundles = bundles;
        this.apn = apn;
        this.ipAddress = ipAddress;
        this.smsPlan = smsPlan;
        this.primary = primary;
        this.persisted = true;
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

    /** The bundles as stored: comma-separated names, "" for none. */
    String bundlesColumn() {
        return bundles;
    }

    void owner(String operatorId) {
        this.operatorId = operatorId;
        this.changed = true;
    }

    void bundles(List<String> bundles) {
        this.bundles = String.join(",", bundles);
        this.changed = true;
    }

    // --- storage state (SimStore) ---

    void sim(Sim sim) {
        this.sim = sim;
    }

    boolean persisted() { return persisted; }

    boolean changed() { return changed; }

    void stored() {
        this.persisted = true;
        this.changed = false;
    }
}
