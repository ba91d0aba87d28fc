package dev.soracommock.esim;

/** One order (a transaction, {@code esim_transaction}): the eSIMs it allocated carry its transaction ID. */
class EsimOrder {

    private final String resellerId;

    private final String transactionId;

    private final String planCode;

    private final int quantity;

    private final long createdAt;

    EsimOrder(String resellerId, String transactionId, String planCode, int quantity, long createdAt) {
        this.resellerId = resellerId;
        this.transactionId = transactionId;
        this.planCode = planCode;
        this.quantity = quantity;
        this.createdAt = createdAt;
    }

    String resellerId() {
        return resellerId;
    }

    String transactionId() {
        return transactionId;
    }

    String planCode() {
        return planCode;
    }

    int quantity() {
        return quantity;
    }

    long createdAt() {
        return createdAt;
    }
}
