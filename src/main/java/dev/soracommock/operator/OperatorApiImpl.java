package dev.soracommock.operator;

import dev.soracommock.api.soracom.OperatorApiDelegate;
import dev.soracommock.api.soracom.model.AuthKeyResponseDto;
import dev.soracommock.api.soracom.model.GenerateOperatorsAuthKeyResponseDto;
import dev.soracommock.api.soracom.model.GenerateTokenRequestDto;
import dev.soracommock.api.soracom.model.GenerateTokenResponseDto;
import dev.soracommock.api.soracom.model.GetOperatorResponseDto;
import dev.soracommock.web.CurrentCaller;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Operator tag: the account, its tokens, auth keys and coverage types. The interceptor has already checked that
 * {@code operator_id} is the caller's own.
 */
@Component
class OperatorApiImpl implements OperatorApiDelegate {

    private final OperatorService operators;
    private final AuthService auth;
    private final CurrentCaller caller;

    OperatorApiImpl(OperatorService operators, AuthService auth, CurrentCaller caller) {
        this.operators = operators;
        this.auth = auth;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<GetOperatorResponseDto> getOperator(String operatorId) {
        OperatorService.OperatorView op = operators.get(operatorId);
        return ResponseEntity.ok(new GetOperatorResponseDto()
                .operatorId(op.operatorId())
                .rootOperatorId(op.operatorId())
                .email(op.email())
                .description(op.description() == null ? "" : op.description())
                .createDate(Instant.ofEpochMilli(op.createdAt()).toString())
                .updateDate(Instant.ofEpochMilli(op.updatedAt()).toString()));
    }

    @Override
    public ResponseEntity<GenerateTokenResponseDto> generateAuthToken(String operatorId, GenerateTokenRequestDto body) {
        Long ttl = body == null || body.getTokenTimeoutSeconds() == null ? null : body.getTokenTimeoutSeconds().longValue();
        return ResponseEntity.ok(new GenerateTokenResponseDto().token(auth.refreshToken(caller.get(), ttl)));
    }

    @Override
    public ResponseEntity<Void> revokeOperatorAuthTokens(String operatorId) {
        auth.revokeAll(operatorId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GenerateOperatorsAuthKeyResponseDto> generateOperatorAuthKey(String operatorId) {
        OperatorService.NewAuthKey key = operators.generateAuthKey(operatorId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new GenerateOperatorsAuthKeyResponseDto().authKeyId(key.authKeyId()).authKey(key.authKey()));
    }

    @Override
    public ResponseEntity<List<AuthKeyResponseDto>> listOperatorAuthKeys(String operatorId) {
        return ResponseEntity.ok(operators.listAuthKeys(operatorId).stream()
                .map(k -> new AuthKeyResponseDto().authKeyId(k.authKeyId()).createDateTime(k.createdAt())
                        .lastUsedDateTime(k.lastUsedAt()))
                .toList());
    }

    @Override
    public ResponseEntity<Void> deleteOperatorAuthKey(String operatorId, String authKeyId) {
        operators.deleteAuthKey(operatorId, authKeyId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> addCoverageType(String operatorId, String coverageType) {
        operators.addCoverageType(operatorId, coverageType);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }
}
