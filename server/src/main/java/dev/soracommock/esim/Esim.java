package dev.soracommock.esim;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * One eSIM of a reseller: contract, profile and device state, and the daily usage list (JSON). Package-private,
 * changed only by {@link EsimService}; field names follow the API's, instants are epoch milliseconds.
 */
@Entity
@Table(name = "esim")
class Esim {

    enum ContractStatus { ACTIVE, SUSPENDED, TERMINATED }

    @Id
    String iccid;

    String resellerId;
    String transactionId;
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

    @Version
    long version;

    protected Esim() {
    }

    Esim(String iccid, String resellerId, String transactionId) {
        this.iccid = iccid;
        this.resellerId = resellerId;
        this.transactionId = transactionId;
    }

    ContractStatus status() {
        return ContractStatus.valueOf(contractStatus);
    }
}
