package dev.soracommock.soralet;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a soralet run needs of the SIM that sent the data (the source): its identifiers and tags, and a way to change
 * its tags ({@code orbit_set_tag_value}, {@code orbit_delete_tag_value}). The SIMs domain implements it as a bean
 * (dependencies go one way: subscriber → soralet); without one, sources are taken as given and have no tags.
 */
public interface SoraletSims {

    /** A SIM as a soralet sees it; any field but {@code simId} may be null. */
    record SimInfo(String simId, String imsi, String iccid, String msisdn, String imei, String ipAddress,
            Map<String, String> tags) {
    }

    /**
     * The operator's SIM named by a source: {@code resourceType} {@code Subscriber} names it by IMSI, {@code Sim} by SIM
     * ID; empty when there is none (or the type names no SIM).
     */
    Optional<SimInfo> find(String operatorId, String resourceType, String resourceId);

    /** Sets and deletes tags of the operator's SIM (a tag both set and deleted is not there). */
    void changeTags(String operatorId, String simId, Map<String, String> set, Set<String> deleted);
}
