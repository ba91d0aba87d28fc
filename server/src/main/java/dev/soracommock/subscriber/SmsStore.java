package dev.soracommock.subscriber;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SMS kept for the SIMs they were sent to (table {@code sim_sms}), scoped to the operator. */
@Repository
class SmsStore {

    private static final String COLUMNS = "select message_id, operator_id, sim_id, imsi, encoding_type, payload,"
            + " created_at from sim_sms";

    private static final RowMapper<SmsMessage> MESSAGE = (rs, i) -> new SmsMessage(rs.getString("message_id"),
            rs.getString("operator_id"), rs.getString("sim_id"), rs.getString("imsi"), rs.getInt("encoding_type"),
            rs.getString("payload"), rs.getLong("created_at"));

    private final JdbcClient jdbc;

    SmsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SmsMessage> findByOperatorIdAndSimIdOrderByCreatedAtAscMessageIdAsc(String operatorId, String simId) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and sim_id = :simId order by created_at, message_id")
                .param("operatorId", operatorId).param("simId", simId).query(MESSAGE).list();
    }

    Optional<SmsMessage> findByOperatorIdAndMessageId(String operatorId, String messageId) {
        return jdbc.sql(COLUMNS + " where operator_id = :operatorId and message_id = :messageId")
                .param("operatorId", operatorId).param("messageId", messageId).query(MESSAGE).optional();
    }

    void save(SmsMessage m) {
        jdbc.sql("insert into sim_sms (message_id, operator_id, sim_id, imsi, encoding_type, payload, created_at)"
                        + " values (:messageId, :operatorId, :simId, :imsi, :encodingType, :payload, :createdAt)")
                .param("messageId", m.messageId()).param("operatorId", m.operatorId()).param("simId", m.simId())
                .param("imsi", m.imsi()).param("encodingType", m.encodingType()).param("payload", m.payload())
                .param("createdAt", m.createdAt()).update();
    }
}
