package dev.soracommock.esim;

import dev.soracommock.api.esim.model.EsimResponseDto;
import dev.soracommock.api.mock.ESimDevicesApiDelegate;
import dev.soracommock.api.mock.model.EsimDeviceDto;
import dev.soracommock.api.mock.model.EsimUsageDto;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The control API ({@code /_mock/esim/esims/{iccid}/…}) for what a device does with an eSIM, which the public API cannot make happen:
 * <pre>
 * POST /_mock/esim/esims/{iccid}/download   profile downloaded (downloadedAt; DOWNLOADED)
 * POST /_mock/esim/esims/{iccid}/install    {"imei":"…"}: installed (INSTALLED; initialInsertionDevice/At)
 * POST /_mock/esim/esims/{iccid}/connect    {"imei":"…"} optional: first connection (activatedOn, expiresOn)
 * POST /_mock/esim/esims/{iccid}/usage      {"usage":102400, "day":"YYYY-MM-DD" optional, default today in Japan}
 * </pre>
 * Each answers the eSIM as {@code GET /esim-commerce/v1/esims/{iccid}} would. No X-API-Key: the ICCID names the
 * eSIM. Steps out of order, or on a TERMINATED eSIM, are 409. Expiry needs no call: move the emulator's clock
 * ({@code MockClock}) past expiresOn.
 */
@Component
class EsimDevicesApiImpl implements ESimDevicesApiDelegate {

    private final EsimService esims;

    EsimDevicesApiImpl(EsimService esims) {
        this.esims = esims;
    }

    @Override
    public ResponseEntity<Object> downloadEsimProfile(String iccid) {
        return answer(esims.downloadProfile(iccid));
    }

    @Override
    public ResponseEntity<Object> installEsimProfile(String iccid, EsimDeviceDto device) {
        return answer(esims.install(iccid, device == null ? null : device.getImei()));
    }

    @Override
    public ResponseEntity<Object> connectEsim(String iccid, EsimDeviceDto device) {
        return answer(esims.connect(iccid, device == null ? null : device.getImei()));
    }

    @Override
    public ResponseEntity<Object> addEsimUsage(String iccid, EsimUsageDto usage) {
        String kb = usage == null || usage.getUsage() == null ? null : usage.getUsage().toString();
        if (kb == null || !kb.matches("\\d{1,18}")) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, List.of("usage must be a non-negative whole number of KB"));
        }
        return answer(esims.addUsage(iccid, usage.getDay(), Long.parseLong(kb)));
    }

    /** The eSIM as {@code GET /esim-commerce/v1/esims/{iccid}} answers it. */
    private static ResponseEntity<Object> answer(EsimResponseDto esim) {
        return ResponseEntity.ok(esim);
    }
}
