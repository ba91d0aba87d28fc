package dev.soracommock.order;

import dev.soracommock.api.soracom.OrderApiDelegate;
import dev.soracommock.api.soracom.model.CouponResponseDto;
import dev.soracommock.api.soracom.model.CreateEstimatedCouponRequestDto;
import dev.soracommock.api.soracom.model.CreateEstimatedOrderRequestDto;
import dev.soracommock.api.soracom.model.EstimatedCouponModelDto;
import dev.soracommock.api.soracom.model.EstimatedOrderModelDto;
import dev.soracommock.api.soracom.model.GetOrderResponseDto;
import dev.soracommock.api.soracom.model.ListOrderResponseDto;
import dev.soracommock.api.soracom.model.ListOrderedSubscriberResponseDto;
import dev.soracommock.api.soracom.model.ListProductResponseDto;
import dev.soracommock.api.soracom.model.OrderedSubscriberDto;
import dev.soracommock.api.soracom.model.ResourceInitialSettingDto;
import dev.soracommock.api.soracom.model.ShippingCostModelDto;
import dev.soracommock.coverage.LeftToFallback;
import dev.soracommock.coverage.Limitation;
import dev.soracommock.payment.CouponService;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Order tag: the product catalogue, orders of SIMs (quotation, confirm, cancel, ordered SIMs and their
 * registration, resource initial setting) and coupon purchases (on {@link CouponService}).
 */
@LeftToFallback(operations = {"createVolumeDiscountQuotation", "confirmVolumeDiscountOrder", "listAvailableDiscounts"},
        reason = "long-term (volume) discounts are contracts priced per SIM fleet; the sandbox offers none to emulate")
@Component
class OrderApiImpl implements OrderApiDelegate {

    /** Largest page of ordered subscribers (as for subscribers and groups). */
    static final int MAX_LIMIT = 100;

    private final OrderService orders;
    private final ProductCatalogue catalogue;
    private final CouponService coupons;
    private final CurrentCaller caller;

    OrderApiImpl(OrderService orders, ProductCatalogue catalogue, CouponService coupons, CurrentCaller caller) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.coupons = coupons;
        this.caller = caller;
    }

    @Override
    @Limitation("campaign_code is ignored: there are no campaigns, every product has its catalogue price")
    public ResponseEntity<ListProductResponseDto> listProducts(String campaignCode) {
        return ResponseEntity.ok(new ListProductResponseDto()
                .productList(catalogue.products().stream().map(OrderService::productModel).toList())
                .shippingCostList(catalogue.shippingCosts().stream()
                        .map(c -> new ShippingCostModelDto()
                                .shippingArea(ShippingCostModelDto.ShippingAreaEnum.fromValue(c.shippingArea()))
                                .shippingAreaName(c.shippingAreaName())
                                .shippingCost(c.shippingCost().doubleValue())
                                .currency(ShippingCostModelDto.CurrencyEnum.JPY))
                        .toList()));
    }

    @Override
    @Limitation("shipping options (Nekopos, expedited shipping) are accepted but change neither the cost nor the answer")
    public ResponseEntity<EstimatedOrderModelDto> createQuotation(CreateEstimatedOrderRequestDto body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.createQuotation(caller.operatorId(), body));
    }

    @Override
    public ResponseEntity<ListOrderResponseDto> listOrders() {
        return ResponseEntity.ok(new ListOrderResponseDto().orderList(orders.list(caller.operatorId())));
    }

    @Override
    public ResponseEntity<GetOrderResponseDto> getOrder(String orderId) {
        return ResponseEntity.ok(orders.view(caller.operatorId(), orderId));
    }

    @Override
    @Limitation("no credit check: an operator with a payment method (sandbox init's registerPaymentMethod) always passes")
    public ResponseEntity<GetOrderResponseDto> confirmOrder(String orderId) {
        return ResponseEntity.ok(orders.confirm(caller.operatorId(), orderId));
    }

    @Override
    public ResponseEntity<Void> cancelOrder(String orderId) {
        orders.cancel(caller.operatorId(), orderId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<GetOrderResponseDto> updateOrderedResourceInitialSetting(String orderId, ResourceInitialSettingDto body) {
        return ResponseEntity.ok(orders.updateResourceInitialSetting(caller.operatorId(), orderId, body));
    }

    @Override
    @Limitation("limit and last_evaluated_key are ignored: the whole list is answered (an order holds at most a few hundred SIMs)")
    public ResponseEntity<ListOrderedSubscriberResponseDto> listOrderedSubscribers(String orderId, String lastEvaluatedKey, Integer limit) {
        Paging.PageRequest request = Paging.PageRequest.of(limit, lastEvaluatedKey, MAX_LIMIT);
        Paging.Page<OrderedSim> page = orders.orderedSims(caller.operatorId(), orderId, request);
        return ResponseEntity.ok().headers(Paging.nextPageHeaders(page, request))
                .body(new ListOrderedSubscriberResponseDto().orderedSubscriberList(page.items().stream()
                        .map(s -> new OrderedSubscriberDto().imsi(s.imsi()).iccid(s.iccid()).simId(s.simId())
                                .msisdn(s.msisdn()).serialNumber(s.serialNumber()).bundles(s.bundles()))
                        .toList()));
    }

    @Override
    @Limitation("the SIMs are handed to the SIM domain's OrderedSimRegistrar, which makes them subscribers; without one, they are only marked registered on the order")
    public ResponseEntity<Void> registerOrderedSim(String orderId) {
        orders.registerOrderedSims(caller.operatorId(), orderId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<EstimatedCouponModelDto> createCouponQuotation(CreateEstimatedCouponRequestDto body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(coupons.quote(caller.operatorId(), body.getAmount()));
    }

    @Override
    public ResponseEntity<CouponResponseDto> confirmCouponOrder(String orderId) {
        return ResponseEntity.ok(coupons.confirmPurchase(caller.operatorId(), orderId));
    }
}
