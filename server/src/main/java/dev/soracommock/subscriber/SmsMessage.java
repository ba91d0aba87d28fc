package dev.soracommock.subscriber;

/** An SMS sent to a SIM through the API: kept, never delivered (GET /_mock/sims/{sim_id}/sms shows them). */
class SmsMessage {

    private String messageId;

    private String operatorId;

    private String simId;

    private String imsi;

    private int encodingType;

    private String payload;

    private long createdAt;

    SmsMessage(String messageId, String operatorId, String simId, String imsi, int encodingType, String payload,
            long now) {
        this.messageId = messageId;
        this.operatorId = operatorId;
        this.simId = simId;
        this.imsi = imsi;
        this.encodingType = encodingType;
        this.payload = payload;
        this.createdAt = now;
    }

    String messageId() { return messageId; }
    String operatorId() { return operatorId; }
    String simId() { return simId; }
    String imsi() { return imsi; }
    int encodingType() { return encodingType; }
    String payload() { return payload; }
    long createdAt() { return createdAt; }
}
