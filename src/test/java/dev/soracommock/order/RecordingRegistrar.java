package dev.soracommock.order;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A test-only {@link OrderedSimRegistrar} (picked up by component scanning of the test classpath) that records what
 * registerOrderedSim hands over, by order ID, so tests can check the seam without the SIM domain.
 */
@Component
class RecordingRegistrar implements OrderedSimRegistrar {

    record Call(String operatorId, List<OrderedSim> sims, String resourceInitialSettingJson) {
    }

    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    @Override
    public void register(String operatorId, String orderId, List<OrderedSim> sims, String resourceInitialSettingJson) {
        calls.put(orderId, new Call(operatorId, List.copyOf(sims), resourceInitialSettingJson));
    }

    Call call(String orderId) {
        return calls.get(orderId);
    }
}
