package dev.soracommock.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An operator (a Soracom account). */
@Entity
@Table(name = "operator")
class Operator {

    @Id
    @Column(name = "operator_id")
    private String operatorId;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private String description;

    /** Comma-separated coverage types, in the order they were added ("jp", "g"). */
    @Column(name = "coverage_types")
    private String coverageTypes;

    @Column(name = "payment_method_registered")
    private boolean paymentMethodRegistered;

    /** False only between the legacy sign-up and its verification: the operator cannot log in yet. */
    private boolean verified = true;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "updated_at")
    private long updatedAt;

    @Version
    private long version;

    protected Operator() {
    }

    Operator(String operatorId, String email, String passwordHash, List<String> coverageTypes,
            boolean paymentMethodRegistered, long now) {
        this.operatorId = operatorId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.coverageTypes = String.join(",", coverageTypes);
        this.paymentMethodRegistered = paymentMethodRegistered;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String operatorId() {
        return operatorId;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    String description() {
        return description;
    }

    List<String> coverageTypes() {
        return coverageTypes.isEmpty() ? List.of() : Arrays.asList(coverageTypes.split(","));
    }

    boolean paymentMethodRegistered() {
        return paymentMethodRegistered;
    }

    boolean verified() {
        return verified;
    }

    /** The legacy sign-up's operator, until it is verified. */
    void awaitVerification() {
        this.verified = false;
    }

    void verify(long now) {
        if (!verified) {
            this.verified = true;
            this.updatedAt = now;
        }
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }

    void registerPaymentMethod(long now) {
        this.paymentMethodRegistered = true;
        this.updatedAt = now;
    }

    void changePassword(String passwordHash, long now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    /** Adds a coverage type; returns false when the operator already has it. */
    boolean addCoverageType(String coverageType, long now) {
        Set<String> types = new LinkedHashSet<>(coverageTypes());
        if (!types.add(coverageType)) {
            return false;
        }
        this.coverageTypes = String.join(",", types);
        this.updatedAt = now;
        return true;
    }
}
