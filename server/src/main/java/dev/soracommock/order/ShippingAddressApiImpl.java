package dev.soracommock.order;

import dev.soracommock.api.soracom.ShippingAddressApiDelegate;
import dev.soracommock.api.soracom.model.GetShippingAddressResponseDto;
import dev.soracommock.api.soracom.model.ListShippingAddressResponseDto;
import dev.soracommock.api.soracom.model.ShippingAddressModelDto;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** ShippingAddress tag. The interceptor has already checked that {@code operator_id} is the caller's own. */
@Component
class ShippingAddressApiImpl implements ShippingAddressApiDelegate {

    private final ShippingAddressService addresses;

    ShippingAddressApiImpl(ShippingAddressService addresses) {
        this.addresses = addresses;
    }

    @Override
    public ResponseEntity<GetShippingAddressResponseDto> createShippingAddress(String operatorId, ShippingAddressModelDto body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ShippingAddressService.toResponse(addresses.create(operatorId, body)));
    }

    @Override
    public ResponseEntity<GetShippingAddressResponseDto> getShippingAddress(String operatorId, String shippingAddressId) {
        return ResponseEntity.ok(ShippingAddressService.toResponse(addresses.get(operatorId, shippingAddressId)));
    }

    @Override
    public ResponseEntity<ListShippingAddressResponseDto> listShippingAddresses(String operatorId) {
        return ResponseEntity.ok(new ListShippingAddressResponseDto()
                .shippingAddresses(addresses.list(operatorId).stream().map(ShippingAddressService::toResponse).toList()));
    }

    @Override
    public ResponseEntity<Void> updateShippingAddress(String operatorId, String shippingAddressId, ShippingAddressModelDto body) {
        addresses.update(operatorId, shippingAddressId, body);
        return ResponseEntity.ok().build();
    }

    @Override
    public ResponseEntity<Void> deleteShippingAddress(String operatorId, String shippingAddressId) {
        addresses.delete(operatorId, shippingAddressId);
        return ResponseEntity.ok().build();
    }
}
