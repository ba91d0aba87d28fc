package dev.soracommock.order;

import java.util.List;

/**
 * The seam between orders and SIMs: {@code POST /orders/{id}/subscribers/register} hands the order's SIMs to the SIM
 * domain (which implements this interface, so that dependencies go one way, subscriber → order); it makes them the
 * operator's subscribers in status {@code ready} and applies the order's resource initial setting. Called inside the
 * registering transaction: a registrar that throws leaves the order's SIMs unregistered.
 */
public interface OrderedSimRegistrar {

    /**
     * @param operatorId                 the caller, who owns the order
     * @param orderId                    the order
     * @param sims                       one per SIM unit ordered, in order
     * @param resourceInitialSettingJson the order's {@code ResourceInitialSetting} as JSON
     *                                   ({@code {"simInitialSettings":{"<subscription>":{"groupId":…,"speedClass":…,"tags":{…}}}}}),
     *                                   or null when none was set
     */
    void register(String operatorId, String orderId, List<OrderedSim> sims, String resourceInitialSettingJson);
}
