package dev.soracommock.device;

import dev.soracommock.kernel.ApiException;
import dev.soracommock.soralet.SoraletExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Orbit as the Unified Endpoint's first step: the soralet of the group's {@code SoracomOrbit} configuration
 * ({@code codeSrn} {@code srn:soracom:<operator>:<coverage>:Soralet:<soralet id>/<version or $LATEST>},
 * {@code direction}, {@code contentType}, {@code userdata}) run on an uplink message by {@link SoraletExecutor}.
 * Choices where Soracom's documents are silent [UNKNOWN]: a configuration whose {@code direction} leaves out
 * {@code uplink} lets the message through unchanged; a module that sets no output lets it through unchanged too;
 * a soralet or version that is not there, and a failed run, fail the message (the device's answer says why).
 * It lives beside the pipeline, not in {@code soralet}: the soralet domain reaches SIMs through {@code subscriber},
 * which the pipeline uses too, so the dependency runs one way, pipeline to soralets.
 */
@Component
class DeviceOrbit implements OrbitTransform {

    private final SoraletExecutor executor;

    DeviceOrbit(SoraletExecutor executor) {
        this.executor = executor;
    }

    @Override
    public Result uplink(DeviceMessage message, JsonNode orbit) {
        if (!appliesToUplink(orbit.path("direction"))) {
            return Result.output(0, message.contentType(), message.body());
        }
        String srn = orbit.path("codeSrn").asString("");
        int at = srn.lastIndexOf(":Soralet:");
        String code = at < 0 ? srn : srn.substring(at + ":Soralet:".length());
        int slash = code.indexOf('/');
        String soraletId = slash < 0 ? code : code.substring(0, slash);
        String version = slash < 0 ? "$LATEST" : code.substring(slash + 1);
        if (soraletId.isEmpty()) {
            return Result.failed(-1, "SoracomOrbit has no codeSrn naming a soralet");
        }
        String type = orbit.path("contentType").asString(message.contentType());
        JsonNode userdata = orbit.path("userdata");
        SoraletExecutor.Result run;
        try {
            run = executor.execute(message.operatorId(), soraletId, version, "uplink", message.body(), type,
                    new SoraletExecutor.Source("Subscriber", message.imsi(), message.simId(), message.imsi(),
                            message.imei(), null, message.msisdn(), null),
                    userdata.isMissingNode() || userdata.isNull() ? null
                            : userdata.isString() ? userdata.asString() : userdata.toString(),
                    new SoraletExecutor.Extras(null, null, message.timestamp(), null, message.originalBody()));
        } catch (ApiException e) {
            return Result.failed(-1, e.getMessage());
        }
        if (run.error() != null) {
            return Result.failed(run.resultCode(), run.error());
        }
        if (run.output() == null) {
            return Result.output(run.resultCode(), message.contentType(), message.body());
        }
        return Result.output(run.resultCode(), run.contentType() != null ? run.contentType() : "application/json",
                run.output());
    }

    private static boolean appliesToUplink(JsonNode direction) {
        if (direction.isMissingNode() || direction.isNull()) {
            return true;
        }
        if (direction.isArray()) {
            for (JsonNode d : direction) {
                if ("uplink".equalsIgnoreCase(d.asString(""))) {
                    return true;
                }
            }
            return false;
        }
        return "uplink".equalsIgnoreCase(direction.asString(""));
    }
}
