package dev.soracommock.subscriber;

import dev.soracommock.kernel.Paging.Page;
import dev.soracommock.kernel.Paging.PageRequest;

/**
 * What the subscriber domain needs of Harvest Data ({@code GET /subscribers/{imsi}/data}, {@code GET /sims/{sim_id}/data});
 * the harvest domain implements it as a bean. Without an implementation both answer an empty list.
 */
public interface DataEntries {

    /** One stored entry as a SIM's or subscriber's data list shows it. */
    record Entry(long time, String contentType, String content) {
    }

    /** Entries stored for the subscriber (IMSI), in [from, to] (ms, inclusive), by time, after the page's key. */
    Page<Entry> ofSubscriber(String operatorId, String imsi, Long from, Long to, boolean ascending, PageRequest page);

    /** Entries stored for the SIM: its own ({@code Sim/<sim_id>}) and those its device sent under any of its IMSIs. */
    Page<Entry> ofSim(String operatorId, String simId, Long from, Long to, boolean ascending, PageRequest page);
}
