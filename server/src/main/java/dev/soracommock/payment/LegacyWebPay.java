package dev.soracommock.payment;

import dev.soracommock.clock.MockClock;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.CurrentCaller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.RequiresCredentials;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/payment_methods/webpay}: the card registration of the older sign-up flow (before
 * {@code /sandbox/init} registered a dummy method), which old SDKs still call (soracom-facts §3.3). It is not in the
 * current contract, so it is hand-written here, behind the same credentials. The sandbox takes WebPay's test card
 * {@code 4242424242424242}: any other number is declined; a card expiring within two months is refused with the
 * real {@code PAY0025}; a year of two digits means 20yy.
 */
@RestController
class LegacyWebPay {

    static final String TEST_CARD = "4242424242424242";

    record CardRequest(String number, String cvc, Integer expireMonth, Integer expireYear, String name) {
    }

    private final OperatorService operators;
    private final CurrentCaller caller;
    private final MockClock clock;

    LegacyWebPay(OperatorService operators, CurrentCaller caller, MockClock clock) {
        this.operators = operators;
        this.caller = caller;
        this.clock = clock;
    }

    @PostMapping("/v1/payment_methods/webpay")
    @RequiresCredentials
    Map<String, Object> register(@RequestBody(required = false) CardRequest card) {
        if (card == null || card.number() == null || card.expireMonth() == null || card.expireYear() == null
                || card.cvc() == null || card.cvc().isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "number, cvc, expireMonth and expireYear are required");
        }
        if (card.expireMonth() < 1 || card.expireMonth() > 12) {
            throw new ApiException(ErrorCode.CARD_DECLINED, "invalid_expiry_month");
        }
        if (!TEST_CARD.equals(card.number().replace(" ", "").replace("-", ""))) {
            throw new ApiException(ErrorCode.CARD_DECLINED, "card_declined (the sandbox accepts the test card " + TEST_CARD + ")");
        }
        int year = card.expireYear() < 100 ? 2000 + card.expireYear() : card.expireYear();
        YearMonth expiry = YearMonth.of(year, card.expireMonth());
        if (expiry.isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(2))) {
            throw new ApiException(ErrorCode.CARD_EXPIRY_TOO_SHORT);
        }
        operators.registerPaymentMethod(caller.operatorId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("providerType", "WebPay");
        result.put("errorCode", "success");
        result.put("properties", "{\"cardLast4\":\"4242\"}");
        return result;
    }
}
