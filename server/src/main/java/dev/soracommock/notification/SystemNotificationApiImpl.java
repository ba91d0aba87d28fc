package dev.soracommock.notification;

import dev.soracommock.api.soracom.SystemNotificationApiDelegate;
import dev.soracommock.api.soracom.model.SetSystemNotificationsRequestDto;
import dev.soracommock.api.soracom.model.SystemNotificationsModelDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * SystemNotification tag: the caller's own settings ({@code operator_id} must be the caller's, else 400 AUM0016, as
 * for every {@code /operators/{operator_id}/…} route: the request pipeline checks it).
 */
@Component
class SystemNotificationApiImpl implements SystemNotificationApiDelegate {

    private static final String SETTINGS = "primary is always listed (emailIdList [\"primary\"], the sign-up address,"
            + " until it is set otherwise); the other types once set. updateDateTime is in epoch seconds, as the e-mail"
            + " addresses' times ([UNKNOWN] the real unit)";

    private final SystemNotificationService notifications;
    private final CurrentCaller caller;

    SystemNotificationApiImpl(SystemNotificationService notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @Override
    @Limitation(SETTINGS)
    public ResponseEntity<List<SystemNotificationsModelDto>> listSystemNotifications(String operatorId) {
        return ResponseEntity.ok(notifications.list(caller.operatorId()).stream().map(SystemNotificationApiImpl::dto)
                .toList());
    }

    @Override
    @Limitation("a type that has not been set is 404 MCK0901 ([UNKNOWN] the real answer); " + SETTINGS)
    public ResponseEntity<SystemNotificationsModelDto> getSystemNotification(String operatorId, String type) {
        return ResponseEntity.ok(dto(notifications.get(caller.operatorId(), type)));
    }

    @Override
    @Limitation("each emailId must be one of the operator's registered addresses (GET /v1/operators/{operator_id}/emails:"
            + " only the primary one, as no address can be added), else 400 MCK0902; an empty list is 400 COM0008;"
            + " setting primary takes the operator's password (missing 400 COM0008, wrong 400 AUM0026); duplicates are"
            + " kept once ([UNKNOWN] the real codes and whether other types check the password)")
    public ResponseEntity<SystemNotificationsModelDto> setSystemNotification(String operatorId, String type,
            SetSystemNotificationsRequestDto body) {
        return ResponseEntity.ok(dto(notifications.set(caller.operatorId(), type, body.getEmailIdList(),
                body.getPassword())));
    }

    @Override
    @Limitation("a type that has not been set is 404 MCK0901 ([UNKNOWN] the real answer); primary cannot be deleted"
            + " (the contract's enum leaves it out: 400 COM0008)")
    public ResponseEntity<Void> deleteSystemNotification(String operatorId, String type) {
        notifications.delete(caller.operatorId(), type);
        return ResponseEntity.noContent().build();
    }

    private static SystemNotificationsModelDto dto(SystemNotificationService.Setting s) {
        return new SystemNotificationsModelDto().type(SystemNotificationsModelDto.TypeEnum.fromValue(s.type()))
                .emailIdList(new ArrayList<>(s.emailIds())).updateDateTime(s.updatedAt());
    }
}
