package dev.soracommock.napter;

import java.util.Optional;

/** The operator's SIMs as Napter needs them; implemented by the subscriber domain. */
public interface NapterSims {

    /** A SIM: its ID, the IMSI named (or its primary one), and the device's IP address in the SIM's network. */
    record Target(String simId, String imsi, String ipAddress) {
    }

    /** The operator's SIM with this SIM ID, if it has one. */
    Optional<Target> bySimId(String operatorId, String simId);

    /** The operator's SIM that has this IMSI, if it has one. */
    Optional<Target> byImsi(String operatorId, String imsi);
}
