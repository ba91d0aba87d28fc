package dev.soracommock.credential;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credentials sets: created, replaced, deleted and listed by their operator; the secret values are kept for the
 * domains that sign or deliver with them ({@link #secretOf}, {@link #credentialsOf}) and never answered.
 */
@Service
public class CredentialService {

    /** The types the API answers (the request's enum lists only four of them; clients send all). */
    static final Set<String> TYPES = Set.of("api-token-credentials", "aws-credentials", "aws-iam-role-credentials",
            "azure-credentials", "azureIoT-credentials", "esrij-credentials", "google-service-account-json",
            "googleIoT-credentials", "infoteria-platio-credentials", "kii-thingif-credentials", "landlog-credentials",
            "mmcloud-credentials", "motionboard-credentials", "optim-cloud-IoT-OS-credentials", "private-key-pem", "psk",
            "pubnub-credentials", "sensorcorpus-credentials", "username-password-credentials", "x509");

    /** The field each type must carry (the one its users read: the PSK's key, the token…); others are free. */
    private static final Map<String, String> REQUIRED_FIELD = Map.of("psk", "key", "api-token-credentials", "token",
            "aws-credentials", "accessKeyId", "aws-iam-role-credentials", "roleArn", "username-password-credentials",
            "username");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@+=:-]{1,100}");

    /** A credentials set as answered: no secret values. */
    public record CredentialView(String credentialsId, String type, String description, long createdAt,
            long updatedAt, long lastUsedAt) {
    }

    private final CredentialStore credentials;
    private final MockClock clock;
    private final JsonMapper json;

    CredentialService(CredentialStore credentials, MockClock clock, JsonMapper json) {
        this.credentials = credentials;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    CredentialView create(String operatorId, String credentialsId, String type, String description, Object values) {
        if (credentialsId == null || !ID.matcher(credentialsId).matches()) {
            throw new ApiException(ErrorCode.CREDENTIALS_INVALID, "credentials_id must be 1 to 100 letters, digits or _.@+=:-");
        }
        String text = check(type, values);
        if (credentials.findByOperatorIdAndCredentialsId(operatorId, credentialsId).isPresent()) {
            throw new ApiException(ErrorCode.CREDENTIALS_ALREADY_EXIST, credentialsId);
        }
        return view(credentials.save(new Credential(operatorId, credentialsId, type, description, text,
                clock.nowMillis())));
    }

    @Transactional
    CredentialView update(String operatorId, String credentialsId, String type, String description, Object values) {
        Credential c = require(operatorId, credentialsId);
        c.update(type, description, check(type, values), clock.nowMillis());
        return view(credentials.save(c));
    }

    @Transactional
    void delete(String operatorId, String credentialsId) {
        credentials.delete(require(operatorId, credentialsId));
    }

    @Transactional(readOnly = true)
    List<CredentialView> list(String operatorId) {
        return credentials.findByOperatorIdOrderByCredentialsIdAsc(operatorId).stream().map(CredentialService::view)
                .toList();
    }

    /**
     * The secret of a credentials set for signing (a PSK's {@code key}, else a {@code token}, {@code password},
     * {@code secretAccessKey} or {@code key} field), empty when the operator has no such set or it holds none. Marks
     * the set as used.
     */
    @Transactional
    public Optional<String> secretOf(String operatorId, String credentialsId) {
        return credentialsOf(operatorId, credentialsId).flatMap(values -> {
            for (String field : List.of("key", "token", "password", "secretAccessKey")) {
                JsonNode v = values.get(field);
                if (v != null && v.isString()) {
                    return Optional.of(v.asString());
                }
            }
            return Optional.empty();
        });
    }

    /** The stored {@code credentials} object of a set (a copy), empty when there is none; marks the set as used. */
    @Transactional
    public Optional<ObjectNode> credentialsOf(String operatorId, String credentialsId) {
        if (operatorId == null || credentialsId == null) {
            return Optional.empty();
        }
        return credentials.findByOperatorIdAndCredentialsId(operatorId, credentialsId).map(c -> {
            c.used(clock.nowMillis());
            credentials.save(c);
            return (ObjectNode) json.readTree(c.credentials());
        });
    }

    /** Whether the operator has this credentials set. */
    @Transactional(readOnly = true)
    public boolean exists(String operatorId, String credentialsId) {
        return operatorId != null && credentialsId != null
                && credentials.findByOperatorIdAndCredentialsId(operatorId, credentialsId).isPresent();
    }

    private Credential require(String operatorId, String credentialsId) {
        return credentials.findByOperatorIdAndCredentialsId(operatorId, credentialsId)
                .orElseThrow(() -> new ApiException(ErrorCode.CREDENTIALS_NOT_FOUND, credentialsId));
    }

    /** The type is one the API knows and the values an object with the type's required field; answers its JSON. */
    private String check(String type, Object values) {
        if (type == null || !TYPES.contains(type)) {
            throw new ApiException(ErrorCode.CREDENTIALS_INVALID, "type must be one of " + String.join(", ",
                    new java.util.TreeSet<>(TYPES)));
        }
        JsonNode node = values == null ? null : json.valueToTree(values);
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.CREDENTIALS_INVALID, "credentials must be an object");
        }
        String field = REQUIRED_FIELD.get(type);
        if (field != null && (!node.has(field) || !node.get(field).isString() || node.get(field).asString().isEmpty())) {
            throw new ApiException(ErrorCode.CREDENTIALS_INVALID, "credentials." + field + " is required for " + type);
        }
        return json.writeValueAsString(node);
    }

    private static CredentialView view(Credential c) {
        return new CredentialView(c.credentialsId(), c.type(), c.description(), c.createdAt(), c.updatedAt(),
                c.lastUsedAt() == null ? 0 : c.lastUsedAt());
    }
}
