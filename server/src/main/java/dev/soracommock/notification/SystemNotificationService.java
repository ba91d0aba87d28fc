package dev.soracommock.notification;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.operator.OperatorService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of the operator's registered e-mail addresses receive each type of system notification. {@code primary}
 * always has a setting (the primary address until it is set otherwise) and cannot be deleted; {@code recovery},
 * {@code billing} and {@code support} have one once set. An address is named by its e-mail ID, and must be one of
 * the operator's ({@code /operators/{id}/emails}); setting {@code primary} takes the operator's password.
 */
@Service
public class SystemNotificationService {

    static final String PRIMARY = "primary";

    /** The types in the order they are listed. */
    static final List<String> TYPES = List.of(PRIMARY, "recovery", "billing", "support");

    /** One type's setting; {@code updatedAt} in epoch seconds. */
    public record Setting(String type, List<String> emailIds, long updatedAt) {
    }

    private final SystemNotificationStore store;
    private final OperatorService operators;
    private final JsonMapper json;
    private final MockClock clock;

    SystemNotificationService(SystemNotificationStore store, OperatorService operators, JsonMapper json,
            MockClock clock) {
        this.store = store;
        this.operators = operators;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Setting> list(String operatorId) {
        Map<String, Setting> byType = new TreeMap<>();
        for (SystemNotificationStore.Row row : store.list(operatorId)) {
            byType.put(row.type(), setting(row));
        }
        byType.computeIfAbsent(PRIMARY, t -> primaryDefault(operatorId));
        List<Setting> out = new ArrayList<>();
        for (String type : TYPES) {
            Optional.ofNullable(byType.get(type)).ifPresent(out::add);
        }
        return out;
    }

    /** 404 MCK0901 for a type that has not been set (never for primary). */
    @Transactional(readOnly = true)
    public Setting get(String operatorId, String type) {
        Optional<Setting> stored = store.find(operatorId, type).map(this::setting);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (PRIMARY.equals(type)) {
            return primaryDefault(operatorId);
        }
        throw new ApiException(ErrorCode.SYSTEM_NOTIFICATION_NOT_SET, type);
    }

    @Transactional
    public Setting set(String operatorId, String type, List<String> emailIds, String password) {
        if (emailIds == null || emailIds.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:emailIdList");
        }
        List<String> registered = operators.emailIds(operatorId);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : emailIds) {
            if (id == null || !registered.contains(id)) {
                throw new ApiException(ErrorCode.UNKNOWN_EMAIL_ID, String.valueOf(id));
            }
            ids.add(id);
        }
        if (PRIMARY.equals(type)) {
            if (password == null || password.isEmpty()) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:password");
            }
            if (!operators.passwordMatches(operatorId, password)) {
                throw new ApiException(ErrorCode.WRONG_CURRENT_PASSWORD);
            }
        }
        long now = clock.nowSeconds();
        store.put(operatorId, type, json.writeValueAsString(List.copyOf(ids)), now);
        return new Setting(type, List.copyOf(ids), now);
    }

    /** 404 MCK0901 for a type that has not been set; primary never reaches here (the contract's enum leaves it out). */
    @Transactional
    public void delete(String operatorId, String type) {
        if (!store.delete(operatorId, type)) {
            throw new ApiException(ErrorCode.SYSTEM_NOTIFICATION_NOT_SET, type);
        }
    }

    private Setting primaryDefault(String operatorId) {
        return new Setting(PRIMARY, List.of(PRIMARY), operators.get(operatorId).createdAt() / 1000);
    }

    private Setting setting(SystemNotificationStore.Row row) {
        return new Setting(row.type(), json.readValue(row.emailIdsJson(), new TypeReference<List<String>>() { }),
                row.updatedAt());
    }
}
