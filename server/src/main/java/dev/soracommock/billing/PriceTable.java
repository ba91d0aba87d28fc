package dev.soracommock.billing;

import dev.soracommock.kernel.CatalogueFile;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prices of {@code catalogue/prices.json}, read on first use (nothing is parsed at start-up, ADR 0003): the basic
 * fee per SIM per day by subscription and status, the Air data fee per MiB by speed class, the fee per request of Beam,
 * Funnel and Funk, the Harvest Data fee per SIM-day block of writes.
 */
@Component
class PriceTable {

    static final String RESOURCE = "catalogue/prices.json";
    static final String DEFAULT = "default";

    private record Data(String currency, Map<String, Map<String, BigDecimal>> basic, Map<String, BigDecimal> data,
            Map<String, BigDecimal> requests, int harvestWritesPerBlock, BigDecimal harvestFeePerBlock) {
    }

    private final CatalogueFile<Data> file;

    PriceTable(JsonMapper json) {
        this.file = new CatalogueFile<>(RESOURCE, json, PriceTable::parse);
    }

    String currency() {
        return data().currency();
    }

    /** The basic fee of one day in this status; a plan not in the table takes {@code default}, a status not in it 0. */
    BigDecimal basicFeePerDay(String subscription, String status) {
        Map<String, Map<String, BigDecimal>> basic = data().basic();
        Map<String, BigDecimal> plan = basic.getOrDefault(subscription == null ? DEFAULT : subscription, basic.get(DEFAULT));
        return plan.getOrDefault(status, BigDecimal.ZERO);
    }

    BigDecimal dataFeePerMiB(String speedClass) {
        Map<String, BigDecimal> d = data().data();
        return d.getOrDefault(speedClass, d.get(DEFAULT));
    }

    /** The fee per request of {@code beam}, {@code funnel} or {@code funk}. */
    BigDecimal requestFee(String service) {
        return data().requests().getOrDefault(service, BigDecimal.ZERO);
    }

    /** Harvest Data is priced per SIM and day by started blocks of this many writes. */
    int harvestWritesPerBlock() {
        return data().harvestWritesPerBlock();
    }

    BigDecimal harvestFeePerBlock() {
        return data().harvestFeePerBlock();
    }

    private Data data() {
        return file.get();
    }

    private static Data parse(JsonNode root) {
        Map<String, Map<String, BigDecimal>> basic = new LinkedHashMap<>();
        root.get("basicFeePerDay").properties().forEach(plan -> {
            Map<String, BigDecimal> fees = new LinkedHashMap<>();
            plan.getValue().properties().forEach(f -> fees.put(f.getKey(), f.getValue().decimalValue()));
            basic.put(plan.getKey(), Map.copyOf(fees));
        });
        Map<String, BigDecimal> dataFees = new LinkedHashMap<>();
        root.get("dataFeePerMiB").properties().forEach(f -> dataFees.put(f.getKey(), f.getValue().decimalValue()));
        if (!basic.containsKey(DEFAULT) || !dataFees.containsKey(DEFAULT)) {
            throw new IllegalStateException(RESOURCE + " needs a 'default' basic fee and data fee");
        }
        Map<String, BigDecimal> requests = new LinkedHashMap<>();
        root.get("feePerRequest").properties().forEach(f -> requests.put(f.getKey(), f.getValue().decimalValue()));
        JsonNode harvest = root.get("harvestWrites");
        return new Data(root.get("currency").asString(), Map.copyOf(basic), Map.copyOf(dataFees), Map.copyOf(requests),
                harvest.get("perBlock").asInt(), harvest.get("feePerBlock").decimalValue());
    }
}
