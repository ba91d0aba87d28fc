package dev.soracommock.subscriber;

import java.util.List;
import org.springframework.data.repository.Repository;

/** SMS kept for the SIMs they were sent to. */
interface SmsRepository extends Repository<SmsMessage, String> {

    List<SmsMessage> findByOperatorIdAndSimIdOrderByCreatedAtAscMessageIdAsc(String operatorId, String simId);

    SmsMessage save(SmsMessage message);

    java.util.Optional<SmsMessage> findByOperatorIdAndMessageId(String operatorId, String messageId);
}
