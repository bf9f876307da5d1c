package com.accountwall.journal;

import java.time.Instant;

/**
 * The orders and widgets of one step of the history, for the figures and {@code GET /api/history}.
 *
 * <p>Immutable.
 *
 * @param start when the step begins; it ends where the next begins
 * @param orders how many orders were made in it
 * @param widgets how many widgets they ordered
 */
public record HistoryStep(Instant start, long orders, long widgets) {
  /** The most steps one question of the history may ask for: a week of minutes. */
  public static final int MAX_STEPS = 7 * 24 * 60;
}
