package dev.soracommock.subscriber;

import dev.soracommock.soralet.SoraletSims;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SIMs as soralets see them: the source of a run and its tags ({@link SoraletSims}). */
@Component
class SoraletSimLink implements SoraletSims {

    private final SimService sims;

    SoraletSimLink(SimService sims) {
        this.sims = sims;
    }

    @Override
    @Transactional
    public Optional<SimInfo> find(String operatorId, String resourceType, String resourceId) {
        if (resourceId == null || resourceId.isEmpty()) {
            return Optional.empty();
        }
        SimService.Ref ref;
        if ("Subscriber".equals(resourceType)) {
            ref = SimService.Ref.imsi(resourceId);
        } else if ("Sim".equals(resourceType)) {
            ref = SimService.Ref.sim(resourceId);
        } else {
            return Optional.empty();
        }
        Optional<Sim> found = sims.find(operatorId, ref);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Sim sim = found.get();
        Subscription s = ref.imsi() == null ? sim.primary() : sim.subscriptions().stream()
                .filter(x -> ref.imsi().equals(x.imsi())).findFirst().orElse(sim.primary());
        return Optional.of(new SimInfo(sim.simId(), s.imsi(), s.iccid(), s.msisdn(), sim.sessionImei(),
                sim.sessionIp() != null ? sim.sessionIp() : s.ipAddress(), sim.tags()));
    }

    @Override
    @Transactional
    public void changeTags(String operatorId, String simId, Map<String, String> set, Set<String> deleted) {
        SimService.Ref ref = SimService.Ref.sim(simId);
        if (!set.isEmpty()) {
            sims.putTags(operatorId, ref, set);
        }
        for (String name : deleted) {
            if (!set.containsKey(name) && sims.get(operatorId, ref).tags().containsKey(name)) {
                sims.deleteTag(operatorId, ref, name);
            }
        }
    }
}
