/**
 * The order journal of a single wall, in its database (embedded SQLite, or any JDBC database):
 * group commit, faults that heal, Idempotency-Keys kept with their orders, and the numbered schema
 * migrations. Depends on {@code core}, {@code journal} and {@code files}.
 */
package com.accountwall.store;
