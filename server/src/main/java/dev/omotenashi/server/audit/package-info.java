/**
 * The history of who changed what through the admin API (docs/console.md, "History of changes"): who is
 * calling ({@link dev.omotenashi.server.audit.Audit#actor}), what a change records
 * ({@link dev.omotenashi.server.audit.Change}), and the trail that writes it in the change's own transaction.
 */
package dev.omotenashi.server.audit;
