/**
 * The order journal: the history of acknowledged orders, of which the wall is a projection. One
 * interface ({@code OrderJournal}), kept either in the embedded database ({@code store}) or in
 * Kafka ({@code kafka}), with Idempotency-Keys and their receipts, and what both keep alike: the
 * rule for where an account's run of orders ends ({@code AccountChains}), the projection of the
 * history onto the wall ({@code WallProjection}), and the per-step totals of the figures. Depends
 * on {@code core} and {@code settings} only.
 */
package com.accountwall.journal;
