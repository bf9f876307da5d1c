package com.accountwall.ui.celebrate;

import com.accountwall.ui.text.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One thing worth a banner across the wall: who ({@code name}: an account's name, or the goal) and
 * what ({@code figure}: "ordered 5,000", "joined", "12,000 widgets"), noted at {@code at} by the
 * wall's clock, both in the wall's language. Immutable.
 */
public record Celebration(Kind kind, String name, String figure, Instant at) {
  /** What is celebrated. */
  public enum Kind {
    /** An order of at least the big-order threshold. */
    BIG_ORDER,
    /** A new account, or, in a rush of them, one with how many more came with it. */
    NEW_ACCOUNT,
    /** Today's goal reached; never dropped from the queue. */
    GOAL_REACHED
  }

  public Celebration {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(at, "at");
  }

  /**
   * As the list of recent celebrations says it, the time in {@code zone}: "12:04 Northwind Traders
   * ordered 5,000".
   */
  public String line(ZoneId zone, Texts texts) {
    return texts.text("celebration.line", texts.time(at, zone), name, figure);
  }
}
