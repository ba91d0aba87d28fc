package dev.soracommock.operator;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An operator (a Soracom account), a row of {@code operator} ({@link OperatorStore}). {@link #version} is the row's
 * optimistic lock: the store updates only the version it read.
 */
class Operator {

    private String operatorId;

    private String email;

    private String passwordHash;

    private String description;

    /** Comma-separated coverage types, in the order they were added ("jp", "g"). */
    private String coverageTypes;

    private boolean paymentMethodRegistered;

    /** False only between the legacy sign-up and its verification: the operator cannot log in yet. */
    private boolean verified = true;

    private long createdAt;

    private long updatedAt;

    private long version;

    /** Whether the row exists (read from or written to the database): {@link OperatorStore#save} then updates it. */
    private boolean persisted;

    private Operator() {
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

    /** An operator as read from its row. */
    static Operator fromRow(String operatorId, String email, String passwordHash, String description,
            String coverageTypes, boolean paymentMethodRegistered, boolean verified, long createdAt, long updatedAt,
            long version) {
        Operator op = new Operator();
        op.operatorId = operatorId;
        op.email = email;
        op.passwordHash = passwordHash;
        op.description = description;
        op.coverageTypes = coverageTypes;
        op.paymentMethodRegistered = paymentMethodRegistered;
        op.verified = verified;
        op.createdAt = createdAt;
        op.updatedAt = updatedAt;
        op.version = version;
        op.persisted = true;
        return op;
    }

    /** The coverage types of the {@code coverage_types} column ("jp,g"), in the order they were added. */
    static List<String> coverageTypes(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
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
        return coverageTypes(coverageTypes);
    }

    /** The {@code coverage_types} column. */
    String coverageTypesColumn() {
        return coverageTypes;
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

    /** Returns false when the operator was verified already (nothing changed). */
    boolean verify(long now) {
        if (verified) {
            return false;
        }
        this.verified = true;
        this.updatedAt = now;
        return true;
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }

    /** Returns false when nothing changed (registered already, at this very moment). */
    boolean registerPaymentMethod(long now) {
        if (paymentMethodRegistered && updatedAt == now) {
            return false;
        }
        this.paymentMethodRegistered = true;
        this.updatedAt = now;
        return true;
    }

    void changePassword(String passwordHash, long now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    long version() {
        return version;
    }

    boolean persisted() {
        return persisted;
    }

    /** The row was written: inserted (its version stays 0) or updated ({@code version + 1}). */
    void stored() {
        if (persisted) {
            version++;
        }
        persisted = true;
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
