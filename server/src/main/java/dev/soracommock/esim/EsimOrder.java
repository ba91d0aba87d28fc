package dev.soracommock.esim;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One order (a transaction): the eSIMs it allocated carry its transaction ID. */
@Entity
@Table(name = "esim_transaction")
class EsimOrder {

    @Embeddable
    record Key(String resellerId, String transactionId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private String planCode;

    private int quantity;

    private long createdAt;

    protected EsimOrder() {
    }

    EsimOrder(String resellerId, String transactionId, String planCode, int quantity, long createdAt) {
        this.key = new Key(resellerId, transactionId);
        this.planCode = planCode;
        this.quantity = quantity;
        this.createdAt = createdAt;
    }

    String transactionId() {
        return key.transactionId();
    }
}
