package dev.soracommock.operator;

import dev.soracommock.api.soracom.EmailApiDelegate;
import dev.soracommock.api.soracom.model.EmailsModelDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Email tag: the operator's addresses. The emulator knows the one it signed up with (emailId {@code primary},
 * verified; times in epoch seconds); it cannot be deleted.
 */
@LeftToFallback(operations = {"issueAddEmailToken", "verifyAddEmailToken"},
        reason = "adding an address needs a token sent by e-mail, and no e-mail leaves the emulator")
@Component
class EmailApiImpl implements EmailApiDelegate {

    static final String PRIMARY = "primary";

    private final OperatorService operators;

    EmailApiImpl(OperatorService operators) {
        this.operators = operators;
    }

    @Override
    public ResponseEntity<List<EmailsModelDto>> listEmails(String operatorId) {
        return ResponseEntity.ok(List.of(primary(operatorId)));
    }

    @Override
    public ResponseEntity<EmailsModelDto> getEmail(String operatorId, String emailId) {
        if (!PRIMARY.equals(emailId)) {
            throw new ApiException(ErrorCode.NOT_FOUND_IN_ACCOUNT, "e-mail address");
        }
        return ResponseEntity.ok(primary(operatorId));
    }

    @Override
    public ResponseEntity<Void> deleteEmail(String operatorId, String emailId) {
        if (PRIMARY.equals(emailId)) {
            throw new ApiException(ErrorCode.PRIMARY_EMAIL);
        }
        throw new ApiException(ErrorCode.NOT_FOUND_IN_ACCOUNT, "e-mail address");
    }

    private EmailsModelDto primary(String operatorId) {
        OperatorService.OperatorView op = operators.get(operatorId);
        return new EmailsModelDto().emailId(PRIMARY).email(op.email()).verified(true)
                .createDateTime(op.createdAt() / 1000).updateDateTime(op.updatedAt() / 1000);
    }
}
