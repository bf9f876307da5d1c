package com.accountwall.journal;

import java.time.Duration;

/**
 * How far a re-projection of the history under a new lifetime has come.
 *
 * <p>Immutable.
 *
 * @param lifetime the lifetime the history is being projected under
 * @param read the history's entries read so far
 * @param total the entries to read, as counted when it began
 */
public record Reprojection(Duration lifetime, long read, long total) {

  /** The part done, from 0 to 1. */
  public double fraction() {
    return total == 0 ? 1 : Math.min(1, (double) read / total);
  }
}
