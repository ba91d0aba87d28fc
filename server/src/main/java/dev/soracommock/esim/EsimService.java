package dev.soracommock.esim;

import dev.soracommock.api.esim.model.DataUsageDailyItemDto;
import dev.soracommock.api.esim.model.EsimResponseDto;
import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Identifiers;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of the eSIM Commerce sandbox (esim-commerce.md): orders, status, transactions, emergency control,
 * data usage, and the device life the control API drives. Every tenant-scoped method takes the reseller first.
 * Expiry is evaluated on read: once the clock passes the end of {@code expiresOn} (Japan time), the eSIM reads as
 * TERMINATED with {@code terminatedOn} the following day, so moving the clock is enough.
 */
@Service
public class EsimService {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String SMDP_ADDRESS = "smdp.esim-sandbox.soracom-mock.test";
    static final Pattern ICCID = Pattern.compile("8900\\d{15}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern IMEI = Pattern.compile("\\d{15}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final TypeReference<List<Usage>> USAGE_LIST = new TypeReference<>() {
    };

    /** One day of usage as stored: the day and the KB used, as digits. */
    record Usage(String day, String usage) {
    }

    private final EsimStore esims;
    private final EsimOrderStore orders;
    private final ResellerStore resellers;
    private final DataPlanCatalogue catalogue;
    private final MockClock clock;
    private final Identifiers ids;
    private final JsonMapper json;

    EsimService(EsimStore esims, EsimOrderStore orders, ResellerStore resellers,
            DataPlanCatalogue catalogue, MockClock clock, Identifiers ids, JsonMapper json) {
        this.esims = esims;
        this.orders = orders;
        this.resellers = resellers;
        this.catalogue = catalogue;
        this.clock = clock;
        this.ids = ids;
        this.json = json;
    }

    /** An order's result. */
    record Ordered(String transactionId, List<EsimResponseDto> esims) {
    }

    @Transactional
    Ordered order(String resellerId, String planCode, Integer quantity) {
        List<String> problems = new ArrayList<>();
        if (planCode == null || planCode.isBlank()) {
            problems.add("planCode should not be empty");
        }
        if (quantity == null) {
            problems.add("quantity must be an integer number");
        } else if (quantity < 1) {
            problems.add("quantity must not be less than 1");
        } else if (quantity > 1000) {
            problems.add("quantity must not be greater than 1000");
        }
        if (!problems.isEmpty()) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, problems);
        }
        DataPlanCatalogue.Plan plan = catalogue.byCode(planCode)
                .orElseThrow(() -> new ApiException(ErrorCode.ESIM_PLAN_NOT_FOUND, planCode));
        long now = clock.nowMillis();
        if (!resellers.exists(resellerId)) {
            resellers.insert(new Reseller(resellerId, now));
        }
        String transactionId = ids.uuid().toString();
        orders.insert(new EsimOrder(resellerId, transactionId, planCode, quantity, now));
        Set<String> minted = new HashSet<>();
        List<Esim> created = new ArrayList<>(quantity);
        Integer unused = plan.dto().getUnusedTerminationDays();
        for (int i = 0; i < quantity; i++) {
            String iccid;
            do {
                iccid = newIccid();
            } while (!minted.add(iccid) || esims.existsById(iccid));
            Esim e = new Esim(iccid, resellerId, transactionId);
            e.planCode = plan.planCode();
            e.validityDays = plan.dto().getValidityDays();
            e.homeCountry = plan.homeCountry();
            e.roamingCountries = String.join(",", plan.roamingCountries());
            e.contractStatus = Esim.ContractStatus.ACTIVE.name();
            e.profileProvisionStatus = EsimResponseDto.ProfileProvisionStatusEnum.AVAILABLE.getValue();
            e.profileInstallStatus = EsimResponseDto.ProfileInstallStatusEnum.READY.getValue();
            e.serviceRestricted = false;
            e.smdpAddress = SMDP_ADDRESS;
            e.activationCode = ids.alphanumeric(32).toUpperCase();
            e.activationDeadline = now + (unused == null ? 180 : unused) * 86_400_000L;
            e.dataUsage = "[]";
            e.totalDataUsage = 0;
            e.lastUpdatedAt = now;
            created.add(e);
        }
        esims.insertAll(created);
        return new Ordered(transactionId, created.stream().map(this::toDto).toList());
    }

    @Transactional
    EsimResponseDto get(String resellerId, String iccid) {
        return toDto(find(resellerId, iccid));
    }

    @Transactional(readOnly = true)
    List<String> transaction(String resellerId, String transactionId) {
        if (!orders.exists(resellerId, transactionId)) {
            throw new ApiException(ErrorCode.ESIM_TRANSACTION_NOT_FOUND, transactionId);
        }
        return esims.findByResellerIdAndTransactionIdOrderByIccid(resellerId, transactionId).stream()
                .map(e -> e.iccid).toList();
    }

    /** {@code suspend} an ACTIVE eSIM or {@code release} a SUSPENDED one; anything else is 409 and changes nothing. */
    @Transactional
    EsimResponseDto emergencyControl(String resellerId, String iccid, String action) {
        Esim e = find(resellerId, iccid);
        Esim.ContractStatus status = e.status();
        if (status == Esim.ContractStatus.TERMINATED) {
            throw new ApiException(ErrorCode.ESIM_CONFLICT, "eSIM " + iccid + " is TERMINATED: it cannot be " + action
                    + (action.equals("suspend") ? "ed" : "d"));
        }
        if (action.equals("suspend")) {
            if (status != Esim.ContractStatus.ACTIVE) {
                throw new ApiException(ErrorCode.ESIM_CONFLICT, "eSIM " + iccid + " is already SUSPENDED");
            }
            e.contractStatus = Esim.ContractStatus.SUSPENDED.name();
            e.serviceRestricted = true;
        } else if (action.equals("release")) {
            if (status != Esim.ContractStatus.SUSPENDED) {
                throw new ApiException(ErrorCode.ESIM_CONFLICT, "eSIM " + iccid + " is not SUSPENDED: only a suspended eSIM can be released");
            }
            e.contractStatus = Esim.ContractStatus.ACTIVE.name();
            e.serviceRestricted = false;
        } else {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, List.of("action must be one of the following values: suspend, release"));
        }
        e.lastUpdatedAt = clock.nowMillis();
        return toDto(esims.save(e));
    }

    /** Replaces the usage list; real dates, digit strings, no day twice, or 400 and nothing changes. */
    @Transactional
    List<Usage> setDataUsage(String resellerId, String iccid, List<Usage> list) {
        Esim e = find(resellerId, iccid);
        List<String> problems = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        if (list == null) {
            problems.add("the body must be an array of {day, usage}");
            list = List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            Usage u = list.get(i);
            if (u == null) {
                problems.add(i + " must be an object {day, usage}");
                continue;
            }
            LocalDate day = parseDay(u.day());
            if (day == null) {
                problems.add(i + ".day must be a valid date (YYYY-MM-DD), not " + u.day());
            } else if (!days.add(day)) {
                problems.add(i + ".day " + u.day() + " appears more than once");
            }
            if (u.usage() == null || !DIGITS.matcher(u.usage()).matches()) {
                problems.add(i + ".usage must be a non-negative whole number of KB as a string, not " + u.usage());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, problems);
        }
        List<Usage> stored = list.stream().map(u -> new Usage(u.day(), u.usage())).toList();
        writeUsage(e, stored);
        esims.save(e);
        return stored;
    }

    // --- the device life (control API; the ICCID alone names the eSIM, across resellers) ---

    @Transactional
    EsimResponseDto downloadProfile(String iccid) {
        Esim e = live(iccid);
        if (e.downloadedAt != null) {
            throw new ApiException(ErrorCode.ESIM_CONFLICT, "the profile of eSIM " + iccid + " is already downloaded");
        }
        long now = clock.nowMillis();
        e.downloadedAt = now;
        e.profileProvisionStatus = EsimResponseDto.ProfileProvisionStatusEnum.DOWNLOADED.getValue();
        e.profileInstallStatus = EsimResponseDto.ProfileInstallStatusEnum.DOWNLOADED.getValue();
        e.lastUpdatedAt = now;
        return toDto(esims.save(e));
    }

    @Transactional
    EsimResponseDto install(String iccid, String imei) {
        requireImei(imei);
        Esim e = live(iccid);
        if (e.downloadedAt == null) {
            throw new ApiException(ErrorCode.ESIM_CONFLICT, "the profile of eSIM " + iccid + " is not downloaded yet");
        }
        long now = clock.nowMillis();
        e.profileInstallStatus = EsimResponseDto.ProfileInstallStatusEnum.INSTALLED.getValue();
        if (e.initialInsertionDevice == null) {
            e.initialInsertionDevice = imei;
            e.initialInsertionAt = now;
        }
        e.lastUpdatedAt = now;
        return toDto(esims.save(e));
    }

    /** The first connection starts the validity: activatedOn today (Japan), expiresOn + validityDays − 1. */
    @Transactional
    EsimResponseDto connect(String iccid, String imei) {
        if (imei != null) {
            requireImei(imei);
        }
        Esim e = live(iccid);
        if (!EsimResponseDto.ProfileInstallStatusEnum.INSTALLED.getValue().equals(e.profileInstallStatus)) {
            throw new ApiException(ErrorCode.ESIM_CONFLICT, "eSIM " + iccid + " is not installed on a device yet");
        }
        if (e.activatedOn == null) {
            LocalDate today = today();
            e.activatedOn = today;
            e.expiresOn = today.plusDays(e.validityDays - 1L);
            e.initialConnectionDevice = imei != null ? imei : e.initialInsertionDevice;
            e.lastUpdatedAt = clock.nowMillis();
            esims.save(e);
        }
        return toDto(e);
    }

    /** Adds a day's usage (KB) to the list: to that day's entry when there is one. */
    @Transactional
    EsimResponseDto addUsage(String iccid, String day, long kilobytes) {
        LocalDate date = day == null ? today() : parseDay(day);
        if (date == null || kilobytes < 0) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST,
                    List.of(date == null ? "day must be a valid date (YYYY-MM-DD), not " + day : "usage must not be negative"));
        }
        Esim e = live(iccid);
        if (e.activatedOn == null) {
            throw new ApiException(ErrorCode.ESIM_CONFLICT, "eSIM " + iccid + " has not connected to a network yet");
        }
        TreeMap<String, Long> byDay = new TreeMap<>();
        readUsage(e).forEach(u -> byDay.merge(u.day(), Long.parseLong(u.usage()), Long::sum));
        byDay.merge(DAY.format(date), kilobytes, Long::sum);
        writeUsage(e, byDay.entrySet().stream().map(x -> new Usage(x.getKey(), Long.toString(x.getValue()))).toList());
        return toDto(esims.save(e));
    }

    // --- helpers ---

    private Esim find(String resellerId, String iccid) {
        requireIccid(iccid);
        Esim e = esims.findByResellerIdAndIccid(resellerId, iccid)
                .orElseThrow(() -> new ApiException(ErrorCode.ESIM_NOT_FOUND, iccid));
        expireIfDue(e);
        return e;
    }

    /** For the control API: any reseller's eSIM, refused once TERMINATED. */
    private Esim live(String iccid) {
        requireIccid(iccid);
        // control API: the ICCID is unique across resellers, and the device does not know its reseller
        Esim e = esims.findById(iccid).orElseThrow(() -> new ApiException(ErrorCode.ESIM_NOT_FOUND, iccid));
        expireIfDue(e);
        if (e.status() == Esim.ContractStatus.TERMINATED) {
            throw new ApiException(ErrorCode.ESIM_CONFLICT, "eSIM " + iccid + " is TERMINATED");
        }
        return e;
    }

    /**
     * Past the end of expiresOn (Japan time) the line is terminated the following day; the termination is written at
     * once (it is rolled back with the transaction when the call then fails).
     */
    private void expireIfDue(Esim e) {
        if (e.expiresOn != null && e.status() != Esim.ContractStatus.TERMINATED && today().isAfter(e.expiresOn)) {
            e.contractStatus = Esim.ContractStatus.TERMINATED.name();
            e.terminatedOn = e.expiresOn.plusDays(1);
            e.lastUpdatedAt = e.terminatedOn.atStartOfDay(JAPAN).toInstant().toEpochMilli();
            esims.save(e);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), JAPAN);
    }

    private static void requireIccid(String iccid) {
        if (iccid == null || !isIccid(iccid)) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST,
                    List.of("iccid must be a 19-digit sandbox ICCID (8900 + 14 digits + a Luhn check digit)"));
        }
    }

    private static void requireImei(String imei) {
        if (imei == null || !IMEI.matcher(imei).matches()) {
            throw ApiException.messages(ErrorCode.ESIM_BAD_REQUEST, List.of("imei must be 15 digits"));
        }
    }

    static boolean isIccid(String iccid) {
        return ICCID.matcher(iccid).matches() && luhnCheckDigit(iccid.substring(0, 18)) == iccid.charAt(18) - '0';
    }

    private String newIccid() {
        String base = "8900" + ids.digits(14);
        return base + luhnCheckDigit(base);
    }

    /** The Luhn check digit of a string of digits. */
    static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    private static LocalDate parseDay(String day) {
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day, DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private List<Usage> readUsage(Esim e) {
        return json.readValue(e.dataUsage, USAGE_LIST);
    }

    private void writeUsage(Esim e, List<Usage> list) {
        e.dataUsage = json.writeValueAsString(list);
        e.totalDataUsage = list.stream().mapToLong(u -> Long.parseLong(u.usage())).sum();
        e.lastUpdatedAt = clock.nowMillis();
    }

    private static String instant(Long millis) {
        return millis == null ? null : INSTANT.format(Instant.ofEpochMilli(millis));
    }

    private static String date(LocalDate d) {
        return d == null ? null : DAY.format(d);
    }

    EsimResponseDto toDto(Esim e) {
        List<DataUsageDailyItemDto> usage = readUsage(e).stream()
                .map(u -> new DataUsageDailyItemDto().day(u.day()).usage(u.usage())).toList();
        return new EsimResponseDto()
                .iccid(e.iccid)
                .homeCountry(e.homeCountry)
                .roamingCountries(e.roamingCountries.isEmpty() ? new ArrayList<>()
                        : new ArrayList<>(Arrays.asList(e.roamingCountries.split(","))))
                .contractStatus(EsimResponseDto.ContractStatusEnum.fromValue(e.contractStatus))
                .profileProvisionStatus(EsimResponseDto.ProfileProvisionStatusEnum.fromValue(e.profileProvisionStatus))
                .profileInstallStatus(EsimResponseDto.ProfileInstallStatusEnum.fromValue(e.profileInstallStatus))
                .isServiceRestricted(e.serviceRestricted)
                .qrCode("LPA:1$" + e.smdpAddress + "$" + e.activationCode)
                .smdpAddress(e.smdpAddress)
                .activationCode(e.activationCode)
                .activationDeadline(instant(e.activationDeadline))
                .downloadedAt(instant(e.downloadedAt))
                .activatedOn(date(e.activatedOn))
                .terminatedOn(date(e.terminatedOn))
                .expiresOn(date(e.expiresOn))
                .initialInsertionDevice(e.initialInsertionDevice)
                .initialInsertionAt(instant(e.initialInsertionAt))
                .initialConnectionDevice(e.initialConnectionDevice)
                .dataUsageDailyList(new ArrayList<>(usage))
                .totalDataUsage(e.totalDataUsage)
                .lastUpdatedAt(instant(e.lastUpdatedAt));
    }

}
