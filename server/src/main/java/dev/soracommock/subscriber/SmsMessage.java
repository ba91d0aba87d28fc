package dev.soracommock.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An SMS sent to a SIM through the API: kept, never delivered (GET /_mock/sims/{sim_id}/sms shows them). */
@Entity
@Table(name = "sim_sms")
class SmsMessage {

    @Id
    @Column(name = "message_id")
    private String messageId;

    @Column(name = "operator_id")
    private String operatorId;

    @Column(name = "sim_id")
    private String simId;

    private String imsi;

    @Column(name = "encoding_type")
    private int encodingType;

    private String payload;

    @Column(name = "created_at")
    private long createdAt;

    protected SmsMessage() {
    }

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
    String simId() { return simId; }
    String imsi() { return imsi; }
    int encodingType() { return encodingType; }
    String payload() { return payload; }
    long createdAt() { return createdAt; }
}
