package dev.soracommock.contract;

import dev.soracommock.kernel.OperationSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Every operation of every contract, by operationId, read from the generated catalogs (no parsing at start-up).
 * The generated Spring interfaces name each handler method after its operationId, so a handler resolves to its
 * operation by name.
 */
@Component
public class Operations {

    public record Entry(Contract contract, OperationSpec spec) {
    }

    private final Map<String, Entry> byId;

    public Operations() {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Contract contract : Contract.values()) {
            for (OperationSpec op : contract.operations()) {
                Entry previous = map.put(op.operationId(), new Entry(contract, op));
                if (previous != null) {
                    throw new IllegalStateException("operationId in two contracts: " + op.operationId());
                }
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    public Optional<Entry> byId(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    public Entry require(String operationId) {
        Entry e = byId.get(operationId);
        if (e == null) {
            throw new IllegalArgumentException("unknown operationId " + operationId);
        }
        return e;
    }

    /** The operation a generated handler serves, or empty for handlers of the server's own (control API, errors). */
    public Optional<Entry> forHandler(Object handler) {
        if (handler instanceof HandlerMethod hm
                && hm.getBeanType().getPackageName().startsWith("dev.soracommock.api.")) {
            return byId(hm.getMethod().getName());
        }
        return Optional.empty();
    }

    public Collection<Entry> all() {
        return byId.values();
    }
}
