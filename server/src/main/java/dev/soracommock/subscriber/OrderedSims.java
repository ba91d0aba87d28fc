package dev.soracommock.subscriber;

import dev.soracommock.order.OrderedSim;
import dev.soracommock.order.OrderedSimRegistrar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /orders/{id}/subscribers/register}: the SIMs the sandbox shipped with an order become the caller's
 * subscribers, in status {@code ready}, with the order's initial setting for their subscription
 * ({@code simInitialSettings.<subscription>}: speed class, group, tags). All or nothing: a refused SIM (an unknown
 * group, a speed class the plan lacks) rolls the whole registration back.
 */
@Component
class OrderedSims implements OrderedSimRegistrar {

    private final SimService sims;
    private final JsonMapper json;

    OrderedSims(SimService sims, JsonMapper json) {
        this.sims = sims;
        this.json = json;
    }

    @Override
    public void register(String operatorId, String orderId, List<OrderedSim> ordered, String resourceInitialSettingJson) {
        JsonNode settings = resourceInitialSettingJson == null ? null
                : json.readTree(resourceInitialSettingJson).path("simInitialSettings");
        for (OrderedSim s : ordered) {
            JsonNode setting = settings == null ? null : settings.get(s.subscription());
            String speedClass = text(setting, "speedClass");
            String groupId = text(setting, "groupId");
            Map<String, String> tags = new LinkedHashMap<>();
            if (setting != null && setting.get("tags") != null) {
                setting.get("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().isString()
                        ? e.getValue().asString() : e.getValue().toString()));
            }
            sims.registerOrdered(operatorId, s.simId(), s.imsi(), s.iccid(), s.msisdn(), s.serialNumber(),
                    s.subscription(), s.bundles(), speedClass, groupId, tags);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
