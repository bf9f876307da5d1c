package com.accountwall.journal;

import java.time.Instant;

/**
 * What one keyed request applied, kept with its {@link IdempotencyKey} so that a repeat of the
 * request is answered as the first one was, without applying anything again.
 *
 * <p>Immutable.
 *
 * @param accepted how many orders the request applied
 * @param accountId the account of its last order
 * @param widgetsSold that account's widgets just after the last order
 * @param expiresAt that account's deadline just after the last order
 * @param repeat whether this answers a repeat of the request, which applied nothing
 */
public record Receipt(
    int accepted, long accountId, long widgetsSold, Instant expiresAt, boolean repeat) {

  /** The same receipt, as the answer to a repeat. */
  public Receipt asRepeat() {
    return new Receipt(accepted, accountId, widgetsSold, expiresAt, true);
  }
}
