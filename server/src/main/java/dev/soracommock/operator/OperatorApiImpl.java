package dev.soracommock.operator;

import dev.soracommock.api.soracom.OperatorApiDelegate;
import dev.soracommock.api.soracom.model.AuthKeyResponseDto;
import dev.soracommock.api.soracom.model.GenerateOperatorsAuthKeyResponseDto;
import dev.soracommock.api.soracom.model.GenerateTokenRequestDto;
import dev.soracommock.api.soracom.model.GenerateTokenResponseDto;
import dev.soracommock.api.soracom.model.GetOperatorResponseDto;
import dev.soracommock.api.soracom.model.CompanyInformationModelDto;
import dev.soracommock.api.soracom.model.ContractUpdatedResponseDto;
import dev.soracommock.api.soracom.model.ContractUpdatingRequestDto;
import dev.soracommock.api.soracom.model.IndividualInformationModelDto;
import dev.soracommock.api.soracom.model.OperatorConfigurationModelDto;
import dev.soracommock.api.soracom.model.SetOperatorConfigurationNamespaceRequestDto;
import dev.soracommock.api.soracom.model.SupportTokenResponseDto;
import dev.soracommock.api.soracom.model.UpdatePasswordRequestDto;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.kernel.CurrentCaller;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Operator tag: the account, its tokens, auth keys and coverage types. The interceptor has already checked that
 * {@code operator_id} is the caller's own.
 */
@LeftToFallback(operations = {"enableMFA", "verifyMFA", "getMFAStatus", "revokeMFA", "issueMFARevokingToken",
        "verifyMFARevokingToken"}, reason = "MFA needs a second device; the emulator's logins never ask for an OTP")
@Component
class OperatorApiImpl implements OperatorApiDelegate {

    private final OperatorService operators;
    private final AuthService auth;
    private final AccountService account;
    private final CurrentCaller caller;
    private final Identifiers ids;

    OperatorApiImpl(OperatorService operators, AuthService auth, AccountService account, CurrentCaller caller, Identifiers ids) {
        this.operators = operators;
        this.auth = auth;
        this.account = account;
        this.caller = caller;
        this.ids = ids;
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
    public ResponseEntity<Void> updateOperatorPassword(String operatorId, UpdatePasswordRequestDto body) {
        operators.updatePassword(operatorId, body.getCurrentPassword(), body.getNewPassword());
        return ResponseEntity.ok().build();
    }

    @Override
    @Limitation("the token is random and opens no support console")
    public ResponseEntity<SupportTokenResponseDto> generateSupportToken(String operatorId) {
        return ResponseEntity.ok(new SupportTokenResponseDto().token(ids.alphanumeric(48)));
    }

    @Override
    public ResponseEntity<Void> createCompanyInformation(String operatorId, CompanyInformationModelDto body) {
        account.createInformation(operatorId, AccountDocumentStore.COMPANY, body);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Override
    public ResponseEntity<CompanyInformationModelDto> getCompanyInformation(String operatorId) {
        return ResponseEntity.ok(account.company(operatorId));
    }

    @Override
    public ResponseEntity<Void> updateCompanyInformation(String operatorId, CompanyInformationModelDto body) {
        account.updateInformation(operatorId, AccountDocumentStore.COMPANY, body);
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> createIndividualInformation(String operatorId, IndividualInformationModelDto body) {
        account.createInformation(operatorId, AccountDocumentStore.INDIVIDUAL, body);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Override
    public ResponseEntity<IndividualInformationModelDto> getIndividualInformation(String operatorId) {
        return ResponseEntity.ok(account.individual(operatorId));
    }

    @Override
    public ResponseEntity<Void> updateIndividualInformation(String operatorId, IndividualInformationModelDto body) {
        account.updateInformation(operatorId, AccountDocumentStore.INDIVIDUAL, body);
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<OperatorConfigurationModelDto> getOperatorConfigurationNamespace(String operatorId, String namespace) {
        return ResponseEntity.ok(account.configuration(operatorId, namespace));
    }

    @Override
    public ResponseEntity<OperatorConfigurationModelDto> setOperatorConfigurationNamespace(String operatorId, String namespace,
            SetOperatorConfigurationNamespaceRequestDto body) {
        return ResponseEntity.ok(account.setConfiguration(operatorId, namespace, body));
    }

    @Override
    public ResponseEntity<Void> deleteOperatorConfigurationNamespace(String operatorId, String namespace) {
        account.deleteConfiguration(operatorId, namespace);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("a contract is recorded with its detail; it enables nothing else in the emulator (no audit logs are kept)")
    public ResponseEntity<ContractUpdatedResponseDto> addOperatorContract(String operatorId, ContractUpdatingRequestDto body) {
        return ResponseEntity.ok(account.addContract(operatorId, body));
    }

    @Override
    public ResponseEntity<Void> deleteOperatorContract(String operatorId, String contractName) {
        account.deleteContract(operatorId, contractName);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> addCoverageType(String operatorId, String coverageType) {
        operators.addCoverageType(operatorId, coverageType);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }
}
