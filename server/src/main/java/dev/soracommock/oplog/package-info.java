/**
 * The operator's logs: the error log ({@code GET /v1/logs}), written from the {@code kernel.OperatorLogEntry} events
 * the domains publish when something fails on the operator's behalf, and the API audit log
 * ({@code GET /v1/audit_logs/api}), written by a step of the request pipeline for every {@code /v1} call whose
 * credentials were accepted (queued on the request thread and inserted in batches by {@code ApiAuditWriter}, which
 * every read of the log, the state operations through {@code kernel.PendingWrites} and the shutdown flush first).
 * Both are kept in the database per operator, so they last as long as the operator's state
 * (export, import, fork and reset included). The tag AuditLog also serves the Napter audit log, kept by {@code napter/}.
 */
package dev.soracommock.oplog;
