/**
 * The order journal: where acknowledged orders live, one interface kept either in the embedded
 * database ({@code store}) or in Kafka ({@code kafka}), with Idempotency-Keys and their receipts.
 * Depends on {@code core} only.
 */
package com.accountwall.journal;
