package dev.soracommock.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.soracommock.api.sandbox.ApiSandboxSubscriberApiDelegate;
import dev.soracommock.api.sandbox.model.SandboxCreateSubscriberRequestDto;
import dev.soracommock.api.sandbox.model.SandboxCreateSubscriberResponseDto;
import dev.soracommock.coverage.Limitation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** API Sandbox: Subscriber tag — a new, unregistered sandbox SIM. */
@Component
class SandboxSubscriberApiImpl implements ApiSandboxSubscriberApiDelegate {

    /** The operator ID the real sandbox puts in the answer: the SIM is nobody's until it is registered. */
    static final String PLACEHOLDER_OPERATOR_ID = "OP9999999999";

    private final SimService sims;

    SandboxSubscriberApiImpl(SimService sims) {
        this.sims = sims;
    }

    @Override
    @Limitation("the field set is the observed one (soracom-facts §3.4): iccid, simId, moduleType, plan, type and"
            + " sessionStatus besides the declared fields; status, speedClass, createdAt, lastModifiedAt and expiryTime"
            + " are left out, as the real sandbox leaves them out; answered without credentials too (older SDKs and"
            + " the Ruby sandbox client send none, soracom-facts §3.1), credentials that are sent are checked")
    public ResponseEntity<SandboxCreateSubscriberResponseDto> sandboxCreateSubscriber(
            SandboxCreateSubscriberRequestDto body) {
        String subscription = body == null || body.getSubscription() == null ? null : body.getSubscription().getValue();
        List<String> bundles = body == null || body.getBundles() == null ? List.of()
                : body.getBundles().stream().map(b -> b.getValue()).toList();
        Sim sim = sims.createSandbox(subscription, bundles);
        Subscription sub = sim.primary();
        Created created = new Created();
        created.apn(sub.apn()).imsi(sub.imsi()).ipAddress(sub.ipAddress()).msisdn(sub.msisdn())
                .operatorId(PLACEHOLDER_OPERATOR_ID).registrationSecret(sim.registrationSecret())
                .serialNumber(sim.serialNumber()).subscription(sub.subscription()).tags(new LinkedHashMap<>());
        created.iccid = sub.iccid();
        created.simId = sim.simId();
        created.moduleType = sim.moduleType();
        created.plan = sub.smsPlan();
        created.type = sim.speedClass();
        created.sessionStatus = Map.of("online", false);
        return ResponseEntity.ok(created);
    }

    /** The declared response plus the fields the real sandbox sends without declaring them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static class Created extends SandboxCreateSubscriberResponseDto {
        @JsonProperty("iccid")
        String iccid;
        @JsonProperty("simId")
        String simId;
        @JsonProperty("moduleType")
        String moduleType;
        @JsonProperty("plan")
        Integer plan;
        @JsonProperty("type")
        String type;
        @JsonProperty("sessionStatus")
        Map<String, Object> sessionStatus;
    }
}
