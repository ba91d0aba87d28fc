package dev.soracommock.esim;

import dev.soracommock.api.esim.model.EsimResponseDto;
import dev.soracommock.web.ApiException;
import dev.soracommock.web.ErrorCode;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control API for what a device does with an eSIM, which the public API cannot make happen:
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
@RestController
@RequestMapping("/_mock/esim/esims/{iccid}")
class EsimDeviceEndpoint {

    /** A device: its IMEI (15 digits). */
    record Device(String imei) {
    }

    /** Usage of one day, in KB (a number or a digit string). */
    record DailyUsage(String day, Object usage) {
    }

    private final EsimService esims;

    EsimDeviceEndpoint(EsimService esims) {
        this.esims = esims;
    }

    @PostMapping("/download")
    EsimResponseDto download(@PathVariable String iccid) {
        return esims.downloadProfile(iccid);
    }

    @PostMapping("/install")
    EsimResponseDto install(@PathVariable String iccid, @RequestBody(required = false) Device device) {
        return esims.install(iccid, device == null ? null : device.imei());
    }

    @PostMapping("/connect")
    EsimResponseDto connect(@PathVariable String iccid, @RequestBody(required = false) Device device) {
        return esims.connect(iccid, device == null ? null : device.imei());
    }

    @PostMapping("/usage")
    EsimResponseDto usage(@PathVariable String iccid, @RequestBody(required = false) DailyUsage usage) {
        String kb = usage == null || usage.usage() == null ? null : usage.usage().toString();
        if (kb == null || !kb.matches("\\d{1,18}")) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, List.of("usage must be a non-negative whole number of KB"));
        }
        return esims.addUsage(iccid, usage.day(), Long.parseLong(kb));
    }
}
