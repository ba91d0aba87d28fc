package dev.soracommock.order;

import java.util.List;

/**
 * One SIM of a shipped sandbox order, with the sandbox's identifiers: IMSI {@code 00101} + 10 digits,
 * {@code iccid == simId == imsi}, MSISDN {@code 999} + 9 digits, serial number {@code TS} + 13 digits; the
 * subscription and bundles of the product it came with.
 */
public record OrderedSim(String imsi, String iccid, String simId, String msisdn, String serialNumber,
        String subscription, List<String> bundles) {
}
