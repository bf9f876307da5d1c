/**
 * The order journal of a single wall, in its database (embedded SQLite, or any JDBC database): an
 * append-only order history written by group commit ({@code HistoryWriter}), its checkpoint,
 * retention and re-projection, faults that heal, Idempotency-Keys kept with their orders, and the
 * numbered schema migrations, and the writer's meters (orders per commit, its backlog) in the
 * Micrometer registry it is given. Depends on {@code core}, {@code journal}, {@code settings} and
 * {@code files}.
 */
package com.accountwall.store;
