package dev.soracommock.esim;

/** A reseller: one per distinct {@code X-API-Key}, known by the key's SHA-256. Created by its first order. */
class Reseller {

    private final String resellerId;

    private final long createdAt;

    Reseller(String resellerId, long createdAt) {
        this.resellerId = resellerId;
        this.createdAt = createdAt;
    }

    String resellerId() {
        return resellerId;
    }

    long createdAt() {
        return createdAt;
    }
}
