package dev.soracommock.order;

import dev.soracommock.kernel.CatalogueFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The products and shipping costs of {@code catalogue/products.json}, read on first use (nothing is parsed at
 * start-up, ADR 0003).
 */
@Component
class ProductCatalogue {

    static final String RESOURCE = "catalogue/products.json";

    /** A product; {@code subscription} and {@code bundles} say what each SIM of a {@code sim} product is. */
    record Product(String productCode, String productName, String productType, BigDecimal price, String currency,
            int count, int maxQuantity, String description, String subscription, List<String> bundles) {

        boolean isSim() {
            return "sim".equals(productType);
        }
    }

    record ShippingCost(String shippingArea, String shippingAreaName, BigDecimal shippingCost) {
    }

    private record Data(Map<String, Product> products, Map<String, ShippingCost> shippingCosts) {
    }

    private final CatalogueFile<Data> file;

    ProductCatalogue(JsonMapper json) {
        this.file = new CatalogueFile<>(RESOURCE, json, ProductCatalogue::parse);
    }

    List<Product> products() {
        return List.copyOf(data().products().values());
    }

    Optional<Product> product(String productCode) {
        return Optional.ofNullable(productCode == null ? null : data().products().get(productCode));
    }

    List<ShippingCost> shippingCosts() {
        return List.copyOf(data().shippingCosts().values());
    }

    ShippingCost shippingCost(String area) {
        ShippingCost cost = data().shippingCosts().get(area);
        if (cost == null) {
            throw new IllegalStateException("no shipping cost for area " + area + " in " + RESOURCE);
        }
        return cost;
    }

    private Data data() {
        return file.get();
    }

    private static Data parse(JsonNode root) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (JsonNode p : root.get("products")) {
            List<String> bundles = new ArrayList<>();
            if (p.has("bundles")) {
                p.get("bundles").forEach(b -> bundles.add(b.asString()));
            }
            Product product = new Product(p.get("productCode").asString(), p.get("productName").asString(),
                    p.get("productType").asString(), p.get("price").decimalValue(), p.get("currency").asString(),
                    p.get("count").asInt(), p.get("maxQuantity").asInt(),
                    p.has("description") ? p.get("description").asString() : null,
                    p.has("subscription") ? p.get("subscription").asString() : null, List.copyOf(bundles));
            products.put(product.productCode(), product);
        }
        Map<String, ShippingCost> costs = new LinkedHashMap<>();
        for (JsonNode c : root.get("shippingCosts")) {
            ShippingCost cost = new ShippingCost(c.get("shippingArea").asString(), c.get("shippingAreaName").asString(),
                    c.get("shippingCost").decimalValue());
            costs.put(cost.shippingArea(), cost);
        }
        return new Data(products, costs);
    }
}
