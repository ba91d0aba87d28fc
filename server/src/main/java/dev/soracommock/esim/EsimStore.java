package dev.soracommock.esim;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * eSIMs ({@code esim}); every tenant-scoped look-up takes the reseller first. The exceptions are commented: the ICCID
 * is unique across resellers, and the device side of the control API does not know its reseller.
 */
@Repository
class EsimStore {

    private static final RowMapper<Esim> ESIM = (rs, i) -> {
        Esim e = new Esim(rs.getString("iccid"), rs.getString("reseller_id"), rs.getString("transaction_id"));
        e.planCode = rs.getString("plan_code");
        e.validityDays = rs.getInt("validity_days");
        e.homeCountry = rs.getString("home_country");
        e.roamingCountries = rs.getString("roaming_countries");
        e.contractStatus = rs.getString("contract_status");
        e.profileProvisionStatus = rs.getString("profile_provision_status");
        e.profileInstallStatus = rs.getString("profile_install_status");
        e.serviceRestricted = rs.getBoolean("service_restricted");
        e.smdpAddress = rs.getString("smdp_address");
        e.activationCode = rs.getString("activation_code");
        e.activationDeadline = rs.getObject("activation_deadline", Long.class);
        e.downloadedAt = rs.getObject("downloaded_at", Long.class);
        e.activatedOn = rs.getObject("activated_on", LocalDate.class);
        e.terminatedOn = rs.getObject("terminated_on", LocalDate.class);
        e.expiresOn = rs.getObject("expires_on", LocalDate.class);
        e.initialInsertionDevice = rs.getString("initial_insertion_device");
        e.initialInsertionAt = rs.getObject("initial_insertion_at", Long.class);
        e.initialConnectionDevice = rs.getString("initial_connection_device");
        e.dataUsage = rs.getString("data_usage");
        e.totalDataUsage = rs.getLong("total_data_usage");
        e.lastUpdatedAt = rs.getLong("last_updated_at");
        e.version = rs.getLong("version");
        e.persisted = true;
        return e;
    };

    private static final String INSERT = """
            insert into esim (iccid, reseller_id, transaction_id, plan_code, validity_days, home_country,
              roaming_countries, contract_status, profile_provision_status, profile_install_status, service_restricted,
              smdp_address, activation_code, activation_deadline, downloaded_at, activated_on, terminated_on, expires_on,
              initial_insertion_device, initial_insertion_at, initial_connection_device, data_usage, total_data_usage,
              last_updated_at, version)
            values (:iccid, :resellerId, :transactionId, :planCode, :validityDays, :homeCountry,
              :roamingCountries, :contractStatus, :profileProvisionStatus, :profileInstallStatus, :serviceRestricted,
              :smdpAddress, :activationCode, :activationDeadline, :downloadedAt, :activatedOn, :terminatedOn, :expiresOn,
              :initialInsertionDevice, :initialInsertionAt, :initialConnectionDevice, :dataUsage, :totalDataUsage,
              :lastUpdatedAt, :version)""";

    /** Every column but the identity (ICCID, reseller, transaction) and the version. */
    private static final String UPDATE = """
            update esim set plan_code = :planCode, validity_days = :validityDays, home_country = :homeCountry,
              roaming_countries = :roamingCountries, contract_status = :contractStatus,
              profile_provision_status = :profileProvisionStatus, profile_install_status = :profileInstallStatus,
              service_restricted = :serviceRestricted, smdp_address = :smdpAddress, activation_code = :activationCode,
              activation_deadline = :activationDeadline, downloaded_at = :downloadedAt, activated_on = :activatedOn,
              terminated_on = :terminatedOn, expires_on = :expiresOn, initial_insertion_device = :initialInsertionDevice,
              initial_insertion_at = :initialInsertionAt, initial_connection_device = :initialConnectionDevice,
              data_usage = :dataUsage, total_data_usage = :totalDataUsage, last_updated_at = :lastUpdatedAt,
              version = version + 1
            where iccid = :iccid and reseller_id = :resellerId and version = :version""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    EsimStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Esim> findByResellerIdAndIccid(String resellerId, String iccid) {
        return jdbc.sql("select * from esim where reseller_id = :resellerId and iccid = :iccid")
                .param("resellerId", resellerId).param("iccid", iccid).query(ESIM).optional();
    }

    /** Not scoped: the device side of the control API names an eSIM by its ICCID alone (unique across resellers). */
    Optional<Esim> findById(String iccid) {
        return jdbc.sql("select * from esim where iccid = :iccid").param("iccid", iccid).query(ESIM).optional();
    }

    /** Not scoped: a new ICCID must be unique across resellers (it is the table's primary key). */
    boolean existsById(String iccid) {
        return jdbc.sql("select count(*) from esim where iccid = :iccid").param("iccid", iccid)
                .query(Long.class).single() > 0;
    }

    List<Esim> findByResellerIdAndTransactionIdOrderByIccid(String resellerId, String transactionId) {
        return jdbc.sql("select * from esim where reseller_id = :resellerId and transaction_id = :transactionId"
                        + " order by iccid")
                .param("resellerId", resellerId).param("transactionId", transactionId).query(ESIM).list();
    }

    /** Inserts new eSIMs, in batches. */
    void insertAll(List<Esim> esims) {
        SqlParameterSource[] rows = SqlParameterSourceUtils.createBatch(esims.stream().map(EsimStore::params).toList());
        batch.batchUpdate(INSERT, rows);
        esims.forEach(e -> e.persisted = true);
    }

    /** Inserts a new eSIM or updates a stored one (0 rows at its version: {@link OptimisticLockingFailureException}). */
    Esim save(Esim e) {
        if (!e.persisted) {
            jdbc.sql(INSERT).params(params(e)).update();
            e.persisted = true;
            return e;
        }
        if (jdbc.sql(UPDATE).params(params(e)).update() == 0) {
            throw new OptimisticLockingFailureException("eSIM " + e.iccid + " was changed meanwhile");
        }
        e.version++;
        return e;
    }

    private static Map<String, Object> params(Esim e) {
        Map<String, Object> p = new HashMap<>();
        p.put("iccid", e.iccid);
        p.put("resellerId", e.resellerId);
        p.put("transactionId", e.transactionId);
        p.put("planCode", e.planCode);
        p.put("validityDays", e.validityDays);
        p.put("homeCountry", e.homeCountry);
        p.put("roamingCountries", e.roamingCountries);
        p.put("contractStatus", e.contractStatus);
        p.put("profileProvisionStatus", e.profileProvisionStatus);
        p.put("profileInstallStatus", e.profileInstallStatus);
        p.put("serviceRestricted", e.serviceRestricted);
        p.put("smdpAddress", e.smdpAddress);
        p.put("activationCode", e.activationCode);
        p.put("activationDeadline", e.activationDeadline);
        p.put("downloadedAt", e.downloadedAt);
        p.put("activatedOn", e.activatedOn);
        p.put("terminatedOn", e.terminatedOn);
        p.put("expiresOn", e.expiresOn);
        p.put("initialInsertionDevice", e.initialInsertionDevice);
        p.put("initialInsertionAt", e.initialInsertionAt);
        p.put("initialConnectionDevice", e.initialConnectionDevice);
        p.put("dataUsage", e.dataUsage);
        p.put("totalDataUsage", e.totalDataUsage);
        p.put("lastUpdatedAt", e.lastUpdatedAt);
        p.put("version", e.version);
        return p;
    }
}
