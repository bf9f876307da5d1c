/**
 * What an operator watches from afar: the wall's meters ({@code WallMetrics}), kept in Micrometer's
 * Prometheus registry and served by the order API on {@code GET /metrics}. It binds the JVM's
 * meters and follows the {@code core} through its listener and public counts, so the core stays
 * plain Java; the window hands in its pulses as nanoseconds ({@code WindowMeters}), so this package
 * stays free of JavaFX; the API, the journal's writer and the log follower record their own meters
 * in the registry it hands them. Depends on {@code core} only, and on Micrometer.
 */
package com.accountwall.metrics;
