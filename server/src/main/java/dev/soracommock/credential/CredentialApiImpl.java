package dev.soracommock.credential;

import dev.soracommock.api.soracom.CredentialApiDelegate;
import dev.soracommock.api.soracom.model.CreateAndUpdateCredentialsModelDto;
import dev.soracommock.api.soracom.model.CredentialsModelDto;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.kernel.CurrentCaller;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Credential tag: credentials sets, their secret values never answered. */
@Component
class CredentialApiImpl implements CredentialApiDelegate {

    private final CredentialService service;
    private final CurrentCaller caller;

    CredentialApiImpl(CredentialService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Override
    @Limitation("the answer's credentials object is {} [UNKNOWN: whether the real API echoes any non-secret field]; "
            + "times are ms [UNKNOWN: unit]; lastUsedDateTime is 0 until a Beam signature or a delivery used the set "
            + "[UNKNOWN]; an existing credentials_id is 400 MCK0202; psk needs key, api-token-credentials token, "
            + "aws-credentials accessKeyId, aws-iam-role-credentials roleArn, username-password-credentials username")
    public ResponseEntity<CredentialsModelDto> createCredential(String credentialsId,
            CreateAndUpdateCredentialsModelDto body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dto(service.create(caller.operatorId(), credentialsId,
                type(body), body == null ? null : body.getDescription(), body == null ? null : body.getCredentials())));
    }

    @Override
    @Limitation("replaces type, description and credentials as a whole; an unknown credentials_id is 404 MCK0201")
    public ResponseEntity<CredentialsModelDto> updateCredential(String credentialsId,
            CreateAndUpdateCredentialsModelDto body) {
        return ResponseEntity.ok(dto(service.update(caller.operatorId(), credentialsId, type(body),
                body == null ? null : body.getDescription(), body == null ? null : body.getCredentials())));
    }

    @Override
    public ResponseEntity<Void> deleteCredential(String credentialsId) {
        service.delete(caller.operatorId(), credentialsId);
        return ResponseEntity.noContent().build();
    }

    @Override
    @Limitation("by credentials ID, not paged")
    public ResponseEntity<List<CredentialsModelDto>> listCredentials() {
        return ResponseEntity.ok(service.list(caller.operatorId()).stream().map(CredentialApiImpl::dto).toList());
    }

    private static String type(CreateAndUpdateCredentialsModelDto body) {
        return body == null || body.getType() == null ? null : body.getType().getValue();
    }

    private static CredentialsModelDto dto(CredentialService.CredentialView v) {
        return new CredentialsModelDto().credentialsId(v.credentialsId())
                .type(CredentialsModelDto.TypeEnum.fromValue(v.type())).description(v.description())
                .credentials(new LinkedHashMap<String, Object>()).createDateTime(v.createdAt())
                .updateDateTime(v.updatedAt()).lastUsedDateTime(v.lastUsedAt());
    }
}
