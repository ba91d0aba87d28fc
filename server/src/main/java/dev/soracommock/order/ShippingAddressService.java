package dev.soracommock.order;

import dev.soracommock.api.soracom.model.GetShippingAddressResponseDto;
import dev.soracommock.api.soracom.model.ShippingAddressModelDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's shipping addresses. The contract requires addressLine1, city, state and zipCode; the answer also
 * requires phoneNumber (a carrier needs one), so it is required here too. The postal code is Japanese (7 digits,
 * hyphen optional) and the state one of the 47 prefectures, which gives the address its shipping area.
 */
@Service
class ShippingAddressService {

    private static final Pattern ZIP_CODE = Pattern.compile("\\d{3}-?\\d{4}");

    /** A stored address: its ID, area and fields as sent. */
    record Stored(String shippingAddressId, String shippingArea, ShippingAddressModelDto address) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Identifiers ids;
    private final MockClock clock;

    ShippingAddressService(JdbcTemplate jdbc, JsonMapper json, Identifiers ids, MockClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    Stored create(String operatorId, ShippingAddressModelDto address) {
        String area = validate(address);
        String id = ids.uuid().toString();
        jdbc.update("insert into shipping_address (operator_id, shipping_address_id, shipping_area, body, created_at) values (?, ?, ?, ?, ?)",
                operatorId, id, area, json.writeValueAsString(address), clock.nowMillis());
        return new Stored(id, area, address);
    }

    @Transactional
    Stored update(String operatorId, String shippingAddressId, ShippingAddressModelDto address) {
        get(operatorId, shippingAddressId);
        String area = validate(address);
        jdbc.update("update shipping_address set shipping_area = ?, body = ? where operator_id = ? and shipping_address_id = ?",
                area, json.writeValueAsString(address), operatorId, shippingAddressId);
        return new Stored(shippingAddressId, area, address);
    }

    @Transactional
    void delete(String operatorId, String shippingAddressId) {
        if (jdbc.update("delete from shipping_address where operator_id = ? and shipping_address_id = ?", operatorId, shippingAddressId) == 0) {
            throw new ApiException(ErrorCode.SHIPPING_ADDRESS_NOT_FOUND);
        }
    }

    @Transactional(readOnly = true)
    Optional<Stored> find(String operatorId, String shippingAddressId) {
        return jdbc.query("select shipping_address_id, shipping_area, body from shipping_address where operator_id = ? and shipping_address_id = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), ShippingAddressModelDto.class)),
                operatorId, shippingAddressId).stream().findFirst();
    }

    Stored get(String operatorId, String shippingAddressId) {
        return find(operatorId, shippingAddressId).orElseThrow(() -> new ApiException(ErrorCode.SHIPPING_ADDRESS_NOT_FOUND));
    }

    @Transactional(readOnly = true)
    List<Stored> list(String operatorId) {
        return jdbc.query("select shipping_address_id, shipping_area, body from shipping_address where operator_id = ? order by created_at, shipping_address_id",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), ShippingAddressModelDto.class)),
                operatorId);
    }

    /** Checks the address and answers its shipping area. */
    private static String validate(ShippingAddressModelDto a) {
        if (a == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be null:body");
        }
        required(a.getAddressLine1(), "addressLine1");
        required(a.getCity(), "city");
        required(a.getState(), "state");
        required(a.getZipCode(), "zipCode");
        required(a.getPhoneNumber(), "phoneNumber");
        if (!ZIP_CODE.matcher(a.getZipCode().strip()).matches()) {
            throw new ApiException(ErrorCode.INVALID_ZIP_CODE, a.getZipCode());
        }
        return Prefectures.shippingArea(a.getState()).orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_PREFECTURE, a.getState()));
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:" + field);
        }
    }

    static GetShippingAddressResponseDto toResponse(Stored s) {
        ShippingAddressModelDto a = s.address();
        return new GetShippingAddressResponseDto()
                .shippingAddressId(s.shippingAddressId())
                .shippingArea(s.shippingArea())
                .addressLine1(a.getAddressLine1())
                .addressLine2(a.getAddressLine2())
                .building(a.getBuilding())
                .city(a.getCity())
                .companyName(a.getCompanyName())
                .department(a.getDepartment())
                .fullName(a.getFullName())
                .phoneNumber(a.getPhoneNumber())
                .state(a.getState())
                .zipCode(a.getZipCode());
    }
}
