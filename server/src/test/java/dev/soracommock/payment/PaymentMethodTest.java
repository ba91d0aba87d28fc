package dev.soracommock.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.support.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment method: the dummy one sandbox init registers, or none. */
class PaymentMethodTest extends ApiTest {

    @Test
    void sandboxInitRegistersADummyWebPayMethod() {
        Operator op = newOperator();
        Response r = as(op).get("/v1/payment_methods/current");
        r.then().statusCode(200);
        assertThat(r.<String>path("providerType")).isEqualTo("WebPay");
        assertThat(r.<String>path("errorCode")).isEqualTo("success");
        assertThat(r.<String>path("updateDate")).matches("20\\d{12}");
        Response activated = as(op).post("/v1/payment_methods/current/activate");
        activated.then().statusCode(200);
        assertThat(activated.asString()).isEqualTo("{}");
    }

    @Test
    void withoutRegisterPaymentMethodThereIsNone() {
        Operator op = newOperator(false);
        Response r = as(op).get("/v1/payment_methods/current");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.<String>path("code")).isEqualTo("PAY0002");
        Response activate = as(op).post("/v1/payment_methods/current/activate");
        assertThat(activate.statusCode()).isEqualTo(404);
        assertThat(activate.<String>path("code")).isEqualTo("PAY0002");
    }

    @Test
    void paymentMethodNeedsCredentials() {
        api().get("/v1/payment_methods/current").then().statusCode(401);
    }

    private Response webpay(Operator op, String number, int month, int year) {
        return as(op).contentType(ContentType.JSON)
                .body(Map.of("number", number, "cvc", "123", "expireMonth", month, "expireYear", year, "name", "TARO"))
                .post("/v1/payment_methods/webpay");
    }

    @Test
    void theLegacyWebPayRegistrationTakesTheTestCard() {
        Operator op = newOperator(false);
        as(op).get("/v1/payment_methods/current").then().statusCode(404);
        Response declined = webpay(op, "4000000000000002", 12, 2099);
        assertThat(declined.statusCode()).isEqualTo(400);
        assertThat(declined.<String>path("code")).isEqualTo("PAY0026");
        Response tooShort = webpay(op, "4242424242424242", 12, 20);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.<String>path("code")).isEqualTo("PAY0025");
        assertThat(tooShort.<String>path("message")).isEqualTo("Period until the expiration date of the card is too short.");
        as(op).get("/v1/payment_methods/current").then().statusCode(404);

        Response ok = webpay(op, "4242424242424242", 12, 2099);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.<String>path("providerType")).isEqualTo("WebPay");
        Response current = as(op).get("/v1/payment_methods/current");
        current.then().statusCode(200);
        assertThat(current.<String>path("errorCode")).isEqualTo("success");
    }

    @Test
    void theLegacyWebPayRegistrationNeedsCredentials() {
        Response r = api().contentType(ContentType.JSON)
                .body(Map.of("number", "4242424242424242", "cvc", "123", "expireMonth", 12, "expireYear", 2099))
                .post("/v1/payment_methods/webpay");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.<String>path("code")).isEqualTo("AUM0001");
    }
}
