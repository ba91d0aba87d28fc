package dev.soracommock.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The operator's system notification settings, one row per type that has been set (e-mail IDs as a JSON array). */
@Repository
class SystemNotificationStore {

    record Row(String type, String emailIdsJson, long updatedAt) {
    }

    private final JdbcTemplate jdbc;

    SystemNotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> list(String operatorId) {
        return jdbc.query("select notification_type, email_ids, updated_at from system_notification where operator_id = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3)), operatorId);
    }

    Optional<Row> find(String operatorId, String type) {
        return jdbc.query("select notification_type, email_ids, updated_at from system_notification"
                        + " where operator_id = ? and notification_type = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3)), operatorId, type)
                .stream().findFirst();
    }

    /** Creates or replaces the setting of one type. */
    void put(String operatorId, String type, String emailIdsJson, long now) {
        int updated = jdbc.update("update system_notification set email_ids = ?, updated_at = ?"
                + " where operator_id = ? and notification_type = ?", emailIdsJson, now, operatorId, type);
        if (updated == 0) {
            try {
                jdbc.update("insert into system_notification (operator_id, notification_type, email_ids, updated_at)"
                        + " values (?, ?, ?, ?)", operatorId, type, emailIdsJson, now);
            } catch (DuplicateKeyException e) {
                // set at the same moment by another request: the last write wins, as for an update
                jdbc.update("update system_notification set email_ids = ?, updated_at = ?"
                        + " where operator_id = ? and notification_type = ?", emailIdsJson, now, operatorId, type);
            }
        }
    }

    boolean delete(String operatorId, String type) {
        return jdbc.update("delete from system_notification where operator_id = ? and notification_type = ?",
                operatorId, type) > 0;
    }
}
