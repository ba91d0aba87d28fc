package dev.soracommock.device;

import dev.soracommock.api.mock.DeviceDataApiDelegate;
import dev.soracommock.api.mock.model.DeliveryDto;
import dev.soracommock.api.mock.model.GetFunkJwks200ResponseDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device data plane of the control API (no credentials: the SIM ID alone names the SIM, as on the other
 * {@code /_mock/sims} routes): {@code POST /_mock/sims/{sim_id}/unified} (the {@link UnifiedEndpoint} pipeline) and
 * {@code GET /_mock/deliveries} (the Funnel / Funk deliveries it recorded), {@code GET /_mock/funk/jwks} (the key
 * that verifies the token Funk sends to HTTP functions).
 */
@Component
class DeviceDataApiImpl implements DeviceDataApiDelegate {

    private final UnifiedEndpoint endpoint;
    private final DeliveryStore deliveries;
    private final FunkFunctions functions;
    private final JsonMapper json;

    DeviceDataApiImpl(UnifiedEndpoint endpoint, DeliveryStore deliveries, FunkFunctions functions, JsonMapper json) {
        this.endpoint = endpoint;
        this.functions = functions;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Override
    public ResponseEntity<Object> sendUnifiedEndpoint(String simId, Resource body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.getContentAsByteArray();
        } catch (IOException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "the body could not be read:body");
        }
        String contentType = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest()
                .getContentType();
        UnifiedEndpoint.Answer answer = endpoint.receive(simId, contentType, bytes);
        ResponseEntity.BodyBuilder r = ResponseEntity.status(answer.status());
        if (answer.body().length == 0) {
            return r.build();
        }
        if (answer.contentType() != null) {
            r.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        return r.body(answer.body());
    }

    @Override
    public ResponseEntity<List<DeliveryDto>> listDeliveries(String operatorId, String simId, String service) {
        return ResponseEntity.ok(deliveries.list(operatorId, simId, service).stream().map(this::dto).toList());
    }

    private DeliveryDto dto(DeliveryStore.Delivery d) {
        String text = utf8(d.body());
        DeliveryDto dto = new DeliveryDto().deliveryId(d.id()).operatorId(d.operatorId()).simId(d.simId()).imsi(d.imsi())
                .service(DeliveryDto.ServiceEnum.fromValue(d.service())).credentialsId(d.credentialsId())
                .contentType(d.contentType()).createdTime(d.createdAt())
                .body(text != null ? text : Base64.getEncoder().encodeToString(d.body()))
                .bodyEncoding(text != null ? DeliveryDto.BodyEncodingEnum.TEXT : DeliveryDto.BodyEncodingEnum.BASE64);
        if (d.destination() != null) {
            dto.destination(json.readTree(d.destination()));
        }
        return dto;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResponseEntity<GetFunkJwks200ResponseDto> getFunkJwks() {
        List<Object> keys = (List<Object>) functions.jwks().get("keys");
        return ResponseEntity.ok(new GetFunkJwks200ResponseDto().keys(keys.stream()
                .map(k -> (java.util.Map<String, Object>) k).toList()));
    }
}
