package dev.soracommock.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A tag of a SIM. */
@Entity
@Table(name = "sim_tag")
@IdClass(SimTag.Key.class)
class SimTag {

    static class Key implements Serializable {
        String sim;
        String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sim, k.sim) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sim, name);
        }
    }

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "sim_id")
    private Sim sim;

    @Id
    @Column(name = "tag_name")
    private String name;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "tag_value")
    private String value;

    protected SimTag() {
    }

    SimTag(Sim sim, String name, String value) {
        this.sim = sim;
        this.operatorId = sim.operatorId();
        this.name = name;
        this.value = value;
    }

    String name() { return name; }
    String value() { return value; }

    void value(String value) {
        this.value = value;
    }

    void owner(String operatorId) {
        this.operatorId = operatorId;
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
