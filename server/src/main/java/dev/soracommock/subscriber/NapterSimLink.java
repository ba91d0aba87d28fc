package dev.soracommock.subscriber;

import dev.soracommock.napter.NapterSims;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SIMs as Napter sees them: the target of a port mapping ({@link NapterSims}). */
@Component
class NapterSimLink implements NapterSims {

    private final SimService sims;

    NapterSimLink(SimService sims) {
        this.sims = sims;
    }

    @Override
    @Transactional
    public Optional<Target> bySimId(String operatorId, String simId) {
        if (simId == null || simId.isEmpty()) {
            return Optional.empty();
        }
        return sims.find(operatorId, SimService.Ref.sim(simId)).map(sim -> target(sim, sim.primary()));
    }

    @Override
    @Transactional
    public Optional<Target> byImsi(String operatorId, String imsi) {
        if (imsi == null || imsi.isEmpty()) {
            return Optional.empty();
        }
        return sims.find(operatorId, SimService.Ref.imsi(imsi)).map(sim -> target(sim, sim.subscriptions().stream()
                .filter(s -> imsi.equals(s.imsi())).findFirst().orElse(sim.primary())));
    }

    private static Target target(Sim sim, Subscription s) {
        return new Target(sim.simId(), s.imsi(), sim.sessionIp() != null ? sim.sessionIp() : s.ipAddress());
    }
}
