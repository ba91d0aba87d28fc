package dev.soracommock.group;

import dev.soracommock.kernel.CacheableReads;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The group reads, which answer from the group tables alone ({@link SimGroupStore} writes them): the pipeline may
 * answer them again while nothing changed.
 */
@Component
class GroupReads implements CacheableReads {

    @Override
    public Set<String> operationIds() {
        return Set.of("listGroups", "getGroup");
    }
}
