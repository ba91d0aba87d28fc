package dev.soracommock.esim;

import java.time.LocalDate;

/**
 * One eSIM of a reseller: contract, profile and device state, and the daily usage list (JSON). Package-private,
 * changed only by {@link EsimService} and written only through {@link EsimStore#save}; field names follow the API's
 * (the columns are their snake_case), instants are epoch milliseconds.
 */
class Esim {

    enum ContractStatus { ACTIVE, SUSPENDED, TERMINATED }

    final String iccid;

    final String resellerId;
    final String transactionId;
    String planCode;
    int validityDays;
    String homeCountry;
    /** Comma-separated ISO 3166-1 alpha-2 codes, empty for none. */
    String roamingCountries;
    String contractStatus;
    String profileProvisionStatus;
    String profileInstallStatus;
    boolean serviceRestricted;
    String smdpAddress;
    String activationCode;
    Long activationDeadline;
    Long downloadedAt;
    LocalDate activatedOn;
    LocalDate terminatedOn;
    LocalDate expiresOn;
    String initialInsertionDevice;
    Long initialInsertionAt;
    String initialConnectionDevice;
    /** JSON array of {@code {day, usage}}. */
    String dataUsage;
    long totalDataUsage;
    long lastUpdatedAt;

    /** The row's optimistic-lock version. */
    long version;

    /** Whether the row exists (loaded or inserted): {@link EsimStore#save} inserts or updates. */
    boolean persisted;

    Esim(String iccid, String resellerId, String transactionId) {
        this.iccid = iccid;
        this.resellerId = resellerId;
        this.transactionId = transactionId;
    }

    ContractStatus status() {
        return ContractStatus.valueOf(contractStatus);
    }
}
