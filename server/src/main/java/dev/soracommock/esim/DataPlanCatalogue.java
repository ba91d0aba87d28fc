package dev.soracommock.esim;

import dev.soracommock.kernel.CatalogueFile;
import dev.soracommock.api.esim.model.DataPlanResponseDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seeded data-plan catalogue, kept as data ({@code classpath:catalogue/esim-data-plans.json}, written by
 * {@code tools/generate-esim-catalogue.py}); the same for every reseller. Read on first use, not at start-up.
 */
@Component
class DataPlanCatalogue {

    static final String RESOURCE = "catalogue/esim-data-plans.json";

    /** A plan: what the API answers, plus where its eSIMs are at home and roam (the provider's country). */
    record Plan(DataPlanResponseDto dto, String homeCountry, List<String> roamingCountries) {

        String planCode() {
            return dto.getPlanCode();
        }

        boolean covers(String countryCode, boolean includeRoaming) {
            return homeCountry.equals(countryCode) || includeRoaming && roamingCountries.contains(countryCode);
        }
    }

    private final JsonMapper json;
    private final CatalogueFile<Map<String, Plan>> file;

    DataPlanCatalogue(JsonMapper json) {
        this.json = json;
        this.file = new CatalogueFile<>(RESOURCE, json, this::parse);
    }

    List<Plan> all() {
        return List.copyOf(plans().values());
    }

    Optional<Plan> byCode(String planCode) {
        return Optional.ofNullable(plans().get(planCode));
    }

    private Map<String, Plan> plans() {
        return file.get();
    }

    private Map<String, Plan> parse(JsonNode root) {
        Map<String, Plan> out = new LinkedHashMap<>();
        for (JsonNode node : root) {
            ObjectNode dto = ((ObjectNode) node).deepCopy();
            String home = dto.remove("homeCountry").asString();
            List<String> roaming = new ArrayList<>();
            dto.remove("roamingCountries").forEach(c -> roaming.add(c.asString()));
            Plan plan = new Plan(json.treeToValue(dto, DataPlanResponseDto.class), home, List.copyOf(roaming));
            out.put(plan.planCode(), plan);
        }
        return out;
    }
}
