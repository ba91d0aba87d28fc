package dev.soracommock.subscriber;

import java.util.Objects;

/** A tag of a SIM (a row of {@code sim_tag}, key: SIM ID and name), stored with its SIM ({@link SimStore}). */
class SimTag {

    private Sim sim;
    private final String name;
    private String operatorId;
    private String value;

    SimTag(Sim sim, String name, String value) {
        this.sim = sim;
        this.operatorId = sim.operatorId();
        this.name = name;
        this.value = value;
    }

    /** A tag as stored; its SIM attaches it. */
    SimTag(String name, String operatorId, String value) {
        this.name = name;
        this.operatorId = operatorId;
        this.value = value;
    }

    String name() { return name; }
    String value() { return value; }
    String operatorId() { return operatorId; }

    void value(String value) {
        this.value = value;
    }

    void owner(String operatorId) {
        this.operatorId = operatorId;
    }

    void sim(Sim sim) {
        this.sim = sim;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimTag t && Objects.equals(name, t.name) && sim == t.sim;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
