package dev.soracommock.eventhandler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** The rule and action types by what drives them, and the times the {@code …DateTimeConst} settings name (UTC). */
final class Rules {

    static final Set<String> TRAFFIC = Set.of("SubscriberFirstTrafficRule", "SubscriberDailyTrafficRule",
            "SubscriberMonthlyTrafficRule", "SubscriberCumulativeTrafficRule", "SimDailyTotalTrafficRule",
            "SimMonthlyTotalTrafficRule", "SimCumulativeTotalTrafficRule", "DailyTotalTrafficRule",
            "MonthlyTotalTrafficRule");
    static final Set<String> STATUS = Set.of("SubscriberStatusAttributeRule", "SimStatusAttributeRule");
    static final Set<String> SPEED_CLASS = Set.of("SubscriberSpeedClassAttributeRule", "SimSpeedClassAttributeRule");
    static final Set<String> SESSION = Set.of("SubscriberSessionStatusRule");
    static final Set<String> EXPIRED = Set.of("SubscriberExpiredRule", "SimExpiredRule");
    static final Set<String> IMEI = Set.of("SubscriberImeiMismatchedRule", "SimImeiMismatchedRule");
    static final Set<String> CHARGE = Set.of("MonthlyChargeRule");

    static final long MIB = 1024L * 1024L;
    private static final long DAY_MS = 86_400_000L;

    private Rules() {
    }

    /** Whether a traffic rule needs {@code limitTotalTrafficMegaByte}. */
    static boolean needsTrafficLimit(String ruleType) {
        return TRAFFIC.contains(ruleType) && !ruleType.equals("SubscriberFirstTrafficRule");
    }

    /**
     * When a setting of {@code inactiveTimeoutDateConst} or {@code executionDateTimeConst} falls after {@code now}
     * (epoch ms, UTC), the offset in minutes added except for IMMEDIATELY; null for NEVER.
     */
    static Long timeOf(String constant, long offsetMinutes, long now) {
        long offset = offsetMinutes * 60_000L;
        LocalDate today = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
        return switch (constant == null ? "IMMEDIATELY" : constant) {
            case "BEGINNING_OF_NEXT_DAY" -> millis(today.plusDays(1)) + offset;
            case "BEGINNING_OF_NEXT_MONTH" -> millis(today.withDayOfMonth(1).plusMonths(1)) + offset;
            case "AFTER_ONE_DAY" -> now + DAY_MS + offset;
            case "NEVER" -> null;
            default -> now;
        };
    }

    /** The start of the UTC day and month holding {@code now}, in epoch seconds. */
    static long dayStartSeconds(long now) {
        return millis(Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate()) / 1000;
    }

    static long monthStartSeconds(long now) {
        return millis(Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)) / 1000;
    }

    static long nextMonthStartSeconds(long now) {
        return millis(Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1))
                / 1000;
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** A whole number written as a string (the contract's numbers in properties), or null when absent. */
    static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Long.parseLong(value.trim());
    }
}
