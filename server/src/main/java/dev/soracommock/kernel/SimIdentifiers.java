package dev.soracommock.kernel;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every identifier a SIM is given, in one place, drawn from the seeded generator ({@link Identifiers}) and unique in
 * the whole emulator: among the SIMs of every operator and the SIMs shipped with orders and not registered yet. The
 * shapes are the sandbox's (soracom-facts §3.4): IMSI {@code 00101} + 10 digits (the test network's MCC and MNC; for
 * sandbox SIMs IMSI = ICCID = SIM ID), MSISDN {@code 999} + 9 digits, serial number {@code TS} + 13 digits, a
 * 5-digit registration secret, an IPv4 address in 10.0.0.0/8; a virtual SIM's ID (and ICCID) is {@code 8942} + 15
 * digits [UNKNOWN: no Arc SIM identifier was seen; chosen]. The uniqueness checks are the only look-ups of SIMs not
 * scoped to an operator.
 */
@Component
public class SimIdentifiers {

    private final Identifiers ids;
    private final JdbcTemplate jdbc;

    public SimIdentifiers(Identifiers ids, JdbcTemplate jdbc) {
        this.ids = ids;
        this.jdbc = jdbc;
    }

    /** An IMSI no SIM, subscription or shipped SIM has (as IMSI or SIM ID). */
    public String imsi() {
        return unique(() -> "00101" + ids.digits(10), i -> taken(
                "select count(*) from sim_subscription where imsi = ?", i)
                || taken("select count(*) from sim where sim_id = ?", i)
                || taken("select count(*) from ordered_sim where imsi = ? or sim_id = ?", i, i));
    }

    public String msisdn() {
        return unique(() -> "999" + ids.digits(9), m -> taken("select count(*) from sim_subscription where msisdn = ?", m)
                || taken("select count(*) from ordered_sim where msisdn = ?", m));
    }

    public String serialNumber() {
        return unique(() -> "TS" + ids.digits(13), s -> taken("select count(*) from sim where serial_number = ?", s)
                || taken("select count(*) from ordered_sim where serial_number = ?", s));
    }

    /** A virtual SIM's SIM ID (also its ICCID). */
    public String virtualSimId() {
        return unique(() -> "8942" + ids.digits(15), s -> taken("select count(*) from sim where sim_id = ?", s));
    }

    /** A subscription's IP address, unique among subscriptions. */
    public String ipAddress() {
        return unique(this::tenAddress, a -> taken("select count(*) from sim_subscription where ip_address = ?", a));
    }

    /** A registration secret (PUK-like, 5 digits; need not be unique). */
    public String registrationSecret() {
        return ids.digits(5);
    }

    /** An address in 10.0.0.0/8 (not necessarily unused: an operator's fork maps addresses with it). */
    public String tenAddress() {
        String d = ids.digits(9);
        return "10." + (Integer.parseInt(d.substring(0, 3)) % 256) + "." + (Integer.parseInt(d.substring(3, 6)) % 256)
                + "." + (1 + Integer.parseInt(d.substring(6, 9)) % 254);
    }

    private boolean taken(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n != null && n > 0;
    }

    private static String unique(Supplier<String> mint, Predicate<String> taken) {
        for (int i = 0; i < 1000; i++) {
            String candidate = mint.get();
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("could not mint a unique identifier");
    }
}
