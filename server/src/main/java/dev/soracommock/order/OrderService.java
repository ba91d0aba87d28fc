package dev.soracommock.order;

import dev.soracommock.api.soracom.model.CreateEstimatedOrderRequestDto;
import dev.soracommock.api.soracom.model.EstimatedOrderItemModelDto;
import dev.soracommock.api.soracom.model.EstimatedOrderModelDto;
import dev.soracommock.api.soracom.model.GetOrderResponseDto;
import dev.soracommock.api.soracom.model.OrderItemModelDto;
import dev.soracommock.api.soracom.model.ProductModelDto;
import dev.soracommock.api.soracom.model.ResourceInitialSettingDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.SimIdentifiers;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.payment.Commerce;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.Paging;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * OrderService of products: quotation (createQuotation), confirmation, cancellation, the sandbox's shipping (which mints
 * the SIMs) and the registration of the ordered SIMs. Status moves: quotation (no orderStatus) → confirm
 * {@code ordered}/{@code paying} → ship {@code shipped}/{@code paid}; cancel before shipping → {@code cancelled}.
 * Times are the MockClock's, in UTC.
 */
@Service
class OrderService {

    static final String ORDERED = "ordered";
    static final String SHIPPED = "shipped";
    static final String CANCELLED = "cancelled";

    /** An order as stored. */
    record Stored(String orderId, String body, String orderStatus, String paymentStatus, String orderDateTime,
            String shippingDateTime, String resourceInitialSetting) {

        String statusForMessages() {
            return orderStatus == null ? "estimated" : orderStatus;
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProductCatalogue catalogue;
    private final ShippingAddressService addresses;
    private final OperatorService operators;
    private final OrderedSimRegistrar registrar;
    private final Identifiers ids;
    private final SimIdentifiers simIds;
    private final MockClock clock;

    OrderService(JdbcTemplate jdbc, JsonMapper json, ProductCatalogue catalogue, ShippingAddressService addresses,
            OperatorService operators, OrderedSimRegistrar registrar, Identifiers ids, SimIdentifiers simIds, MockClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalogue = catalogue;
        this.addresses = addresses;
        this.operators = operators;
        this.registrar = registrar;
        this.ids = ids;
        this.simIds = simIds;
        this.clock = clock;
    }

    @Transactional
    EstimatedOrderModelDto createQuotation(String operatorId, CreateEstimatedOrderRequestDto request) {
        List<OrderItemModelDto> items = request == null || request.getOrderItemList() == null ? List.of() : request.getOrderItemList();
        if (items.isEmpty()) {
            throw new ApiException(ErrorCode.ORDER_EMPTY);
        }
        List<EstimatedOrderItemModelDto> lines = new ArrayList<>();
        BigDecimal productsTotal = BigDecimal.ZERO;
        for (OrderItemModelDto item : items) {
            ProductCatalogue.Product p = catalogue.product(item.getProductCode())
                    .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_PRODUCT, item.getProductCode()));
            Integer quantity = item.getQuantity();
            if (quantity == null || quantity < 1 || quantity > p.maxQuantity()) {
                throw new ApiException(ErrorCode.INVALID_QUANTITY, p.productCode(), p.maxQuantity());
            }
            BigDecimal amount = p.price().multiply(BigDecimal.valueOf(quantity));
            productsTotal = productsTotal.add(amount);
            lines.add(new EstimatedOrderItemModelDto().product(productModel(p)).quantity(quantity)
                    .productAmount(amount.doubleValue()).taxIncludedProductAmount(Commerce.withTax(amount)));
        }
        String addressId = request.getShippingAddressId();
        ShippingAddressService.Stored address = (addressId == null ? Optional.<ShippingAddressService.Stored>empty() : addresses.find(operatorId, addressId))
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_SHIPPING_ADDRESS_UNKNOWN, addressId));
        BigDecimal shipping = catalogue.shippingCost(address.shippingArea()).shippingCost();
        BigDecimal tax = Commerce.tax(productsTotal.add(shipping));
        BigDecimal total = productsTotal.add(shipping).add(tax);
        EstimatedOrderModelDto order = new EstimatedOrderModelDto()
                .orderId(Commerce.orderId(clock, ids))
                .orderItemList(lines)
                .shippingAddressId(address.shippingAddressId())
                .shippingAddress(address.address())
                .shippingCost(shipping.doubleValue())
                .taxOnShippingCost(true)
                .taxIncludedInShippingCost(Commerce.withTax(shipping).doubleValue())
                .taxAmount(tax.doubleValue())
                .totalAmount(total.doubleValue())
                .balanceDue(total.doubleValue())
                .withholdingTaxAmount(0.0)
                .containsTaxIncludedAmounts(false)
                .currency(EstimatedOrderModelDto.CurrencyEnum.JPY)
                .preferredDeliveryDate(request.getPreferredDeliveryDate())
                .email(operators.get(operatorId).email());
        jdbc.update("insert into product_order (operator_id, order_id, body, created_at) values (?, ?, ?, ?)",
                operatorId, order.getOrderId(), json.writeValueAsString(order), clock.nowMillis());
        return order;
    }

    static ProductModelDto productModel(ProductCatalogue.Product p) {
        return new ProductModelDto()
                .productCode(p.productCode())
                .productName(p.productName())
                .productType(ProductModelDto.ProductTypeEnum.fromValue(p.productType()))
                .description(p.description())
                .price(p.price().doubleValue())
                .regularPrice(p.price().doubleValue())
                .taxIncludedPrice(Commerce.withTax(p.price()).doubleValue())
                .taxIncludedRegularPrice(Commerce.withTax(p.price()).doubleValue())
                .currency(ProductModelDto.CurrencyEnum.fromValue(p.currency()))
                .count((double) p.count())
                .maxQuantity(p.maxQuantity());
    }

    // --- reading ---

    @Transactional(readOnly = true)
    Optional<Stored> find(String operatorId, String orderId) {
        return jdbc.query("select order_id, body, order_status, payment_status, order_date_time, shipping_date_time, resource_initial_setting "
                        + "from product_order where operator_id = ? and order_id = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), operatorId, orderId).stream().findFirst();
    }

    Stored get(String operatorId, String orderId) {
        return find(operatorId, orderId).orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND));
    }

    GetOrderResponseDto view(Stored o) {
        GetOrderResponseDto dto = json.readValue(o.body(), GetOrderResponseDto.class);
        dto.orderStatus(o.orderStatus() == null ? null : GetOrderResponseDto.OrderStatusEnum.fromValue(o.orderStatus()))
                .paymentStatus(o.paymentStatus() == null ? null : GetOrderResponseDto.PaymentStatusEnum.fromValue(o.paymentStatus()))
                .orderDateTime(o.orderDateTime())
                .shippingDateTime(o.shippingDateTime())
                .resourceInitialSetting(o.resourceInitialSetting() == null ? new ResourceInitialSettingDto()
                        : json.readValue(o.resourceInitialSetting(), ResourceInitialSettingDto.class));
        return dto;
    }

    GetOrderResponseDto view(String operatorId, String orderId) {
        return view(get(operatorId, orderId));
    }

    /** Confirmed orders (quotations are not orders yet), oldest first. */
    @Transactional(readOnly = true)
    List<GetOrderResponseDto> list(String operatorId) {
        return jdbc.query("select order_id, body, order_status, payment_status, order_date_time, shipping_date_time, resource_initial_setting "
                        + "from product_order where operator_id = ? and order_status is not null order by created_at, order_id",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), operatorId).stream().map(this::view).toList();
    }

    // --- status changes ---

    @Transactional
    GetOrderResponseDto confirm(String operatorId, String orderId) {
        Stored o = get(operatorId, orderId);
        if (o.orderStatus() != null) {
            throw new ApiException(ErrorCode.ORDER_WRONG_STATUS, "confirmed", o.statusForMessages());
        }
        if (!operators.get(operatorId).paymentMethodRegistered()) {
            throw new ApiException(ErrorCode.PAYMENT_METHOD_REQUIRED);
        }
        jdbc.update("update product_order set order_status = ?, payment_status = ?, order_date_time = ? where operator_id = ? and order_id = ?",
                ORDERED, "paying", Commerce.DATE_TIME.format(clock.instant()), operatorId, orderId);
        return view(operatorId, orderId);
    }

    @Transactional
    void cancel(String operatorId, String orderId) {
        Stored o = get(operatorId, orderId);
        if (SHIPPED.equals(o.orderStatus()) || CANCELLED.equals(o.orderStatus())) {
            throw new ApiException(ErrorCode.ORDER_WRONG_STATUS, "cancelled", o.statusForMessages());
        }
        jdbc.update("update product_order set order_status = ?, payment_status = ? where operator_id = ? and order_id = ?",
                CANCELLED, o.paymentStatus() == null ? null : "cancelled", operatorId, orderId);
    }

    @Transactional
    GetOrderResponseDto updateResourceInitialSetting(String operatorId, String orderId, ResourceInitialSettingDto setting) {
        Stored o = get(operatorId, orderId);
        if (CANCELLED.equals(o.orderStatus())) {
            throw new ApiException(ErrorCode.ORDER_WRONG_STATUS, "changed", o.statusForMessages());
        }
        if (anyRegistered(operatorId, orderId)) {
            throw new ApiException(ErrorCode.ORDERED_SIMS_ALREADY_REGISTERED);
        }
        jdbc.update("update product_order set resource_initial_setting = ? where operator_id = ? and order_id = ?",
                setting == null ? null : json.writeValueAsString(setting), operatorId, orderId);
        return view(operatorId, orderId);
    }

    /**
     * The sandbox's shipping: the order must be confirmed; it becomes {@code shipped}, and one SIM is minted per SIM
     * unit ordered (count of the product × quantity).
     */
    @Transactional
    void ship(String operatorId, String orderId) {
        Stored o = find(operatorId, orderId).orElseThrow(() -> new ApiException(ErrorCode.SANDBOX_ORDER_NOT_FOUND));
        if (!ORDERED.equals(o.orderStatus())) {
            throw new ApiException(ErrorCode.SANDBOX_ORDER_NOT_CONFIRMED, o.statusForMessages());
        }
        GetOrderResponseDto order = view(o);
        int seq = 0;
        for (EstimatedOrderItemModelDto line : order.getOrderItemList()) {
            ProductCatalogue.Product p = catalogue.product(line.getProduct().getProductCode()).orElse(null);
            if (p == null || !p.isSim()) {
                continue;
            }
            for (int i = 0; i < p.count() * line.getQuantity(); i++) {
                String imsi = simIds.imsi();
                jdbc.update("insert into ordered_sim (operator_id, order_id, seq, imsi, iccid, sim_id, msisdn, serial_number, subscription, bundles) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        operatorId, orderId, seq++, imsi, imsi, imsi, simIds.msisdn(), simIds.serialNumber(),
                        p.subscription() == null ? "plan01s" : p.subscription(), String.join(",", p.bundles()));
            }
        }
        jdbc.update("update product_order set order_status = ?, payment_status = ?, shipping_date_time = ? where operator_id = ? and order_id = ?",
                SHIPPED, "paid", Commerce.DATE_TIME.format(clock.instant()), operatorId, orderId);
    }

    @Transactional(readOnly = true)
    List<OrderedSim> orderedSims(String operatorId, String orderId) {
        get(operatorId, orderId);
        return sims(operatorId, orderId);
    }

    /**
     * A page of the order's SIMs in shipping order, after the SIM whose IMSI is {@code request.after()}. An IMSI that
     * is not in the order continues nowhere (an empty page): the key is a position, not a value to compare.
     */
    Paging.Page<OrderedSim> orderedSims(String operatorId, String orderId, Paging.PageRequest request) {
        List<OrderedSim> all = orderedSims(operatorId, orderId);
        int from = 0;
        if (request.after() != null) {
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (request.after().equals(all.get(i).imsi())) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<OrderedSim> rest = all.subList(from, all.size());
        return Paging.Page.of(rest.subList(0, Math.min(rest.size(), request.fetchSize())), request, OrderedSim::imsi);
    }

    private List<OrderedSim> sims(String operatorId, String orderId) {
        return jdbc.query("select imsi, iccid, sim_id, msisdn, serial_number, subscription, bundles from ordered_sim "
                        + "where operator_id = ? and order_id = ? order by seq",
                (rs, i) -> new OrderedSim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7) == null || rs.getString(7).isEmpty() ? List.of()
                                : Arrays.asList(rs.getString(7).split(","))),
                operatorId, orderId);
    }

    private boolean anyRegistered(String operatorId, String orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select sims_registered from product_order where operator_id = ? and order_id = ?",
                Boolean.class, operatorId, orderId));
    }

    /** Registers the SIMs of a shipped order (once): hands them to the SIM domain, marks them registered. */
    @Transactional
    void registerOrderedSims(String operatorId, String orderId) {
        Stored o = get(operatorId, orderId);
        if (!SHIPPED.equals(o.orderStatus())) {
            throw new ApiException(ErrorCode.ORDER_WRONG_STATUS, "registered", o.statusForMessages());
        }
        if (anyRegistered(operatorId, orderId)) {
            throw new ApiException(ErrorCode.ORDERED_SIMS_ALREADY_REGISTERED);
        }
        List<OrderedSim> sims = sims(operatorId, orderId);
        registrar.register(operatorId, orderId, sims, o.resourceInitialSetting());
        jdbc.update("update ordered_sim set registered = true where operator_id = ? and order_id = ?", operatorId, orderId);
        jdbc.update("update product_order set sims_registered = true where operator_id = ? and order_id = ?", operatorId, orderId);
    }
}
