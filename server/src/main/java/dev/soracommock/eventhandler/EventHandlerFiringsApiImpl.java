package dev.soracommock.eventhandler;

import dev.soracommock.api.mock.EventHandlersApiDelegate;
import dev.soracommock.api.mock.model.EventHandlerFiringActionDto;
import dev.soracommock.api.mock.model.EventHandlerFiringDto;
import dev.soracommock.api.mock.model.MailDto;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The control API of event handlers (no credentials): {@code GET /_mock/event-handlers/{handler_id}/firings}, what
 * a handler did and why, and {@code GET /_mock/mails[?operator_id=]}, the mails its SendMail actions kept.
 */
@Component
class EventHandlerFiringsApiImpl implements EventHandlersApiDelegate {

    private final FiringService firings;

    EventHandlerFiringsApiImpl(FiringService firings) {
        this.firings = firings;
    }

    @Override
    public ResponseEntity<List<EventHandlerFiringDto>> listEventHandlerFirings(String handlerId) {
        return ResponseEntity.ok(firings.firings(handlerId).stream().map(v -> {
            FiringStore.FiringRow f = v.firing();
            List<EventHandlerFiringActionDto> actions = new ArrayList<>();
            for (FiringStore.ActionRow a : v.actions()) {
                actions.add(new EventHandlerFiringActionDto().type(a.type())
                        .status(EventHandlerFiringActionDto.StatusEnum.fromValue(a.status())).scheduledTime(a.runAt())
                        .executedTime(a.ranAt()).result(a.result()));
            }
            return new EventHandlerFiringDto().firingId(f.firingId()).handlerId(f.handlerId()).operatorId(f.operatorId())
                    .ruleType(f.ruleType()).imsi(f.imsi()).simId(f.simId()).firedTime(f.firedAt()).event(v.event())
                    .actions(actions);
        }).toList());
    }

    @Override
    public ResponseEntity<List<MailDto>> listMails(String operatorId) {
        return ResponseEntity.ok(firings.mails(operatorId).stream().map(m -> new MailDto().mailId(m.mailId())
                .operatorId(m.operatorId()).handlerId(m.handlerId())
                .actionType(MailDto.ActionTypeEnum.fromValue(m.actionType())).to(m.to()).title(m.title())
                .message(m.message()).createdTime(m.createdAt())).toList());
    }
}
