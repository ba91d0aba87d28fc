package dev.soracommock.esim;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reseller: one per distinct {@code X-API-Key}, known by the key's SHA-256. Created by its first order. */
@Entity
@Table(name = "esim_reseller")
class Reseller {

    @Id
    private String resellerId;

    private long createdAt;

    protected Reseller() {
    }

    Reseller(String resellerId, long createdAt) {
        this.resellerId = resellerId;
        this.createdAt = createdAt;
    }
}
