package com.accountwall.ui.table;

/**
 * Hears what happens to the table's rows as {@link TableModel} applies a frame's batch of the
 * core's changes: how the figures learn of the newest account and the leaderboard of the rows that
 * may rank, without a pass over all rows. Called on the JavaFX thread.
 */
public interface RowListener {

  /**
   * A row for an account the table did not show.
   *
   * @param fresh false for an account that was live before the window opened, such as one restored
   *     on start: it arrives with the first batch but is no one's newest account
   */
  default void arrived(AccountRow row, boolean fresh) {}

  /** The row's widget count grew. */
  default void grew(AccountRow row) {}

  /** The row's account ended; the row fades out and then leaves. */
  default void ending(AccountRow row) {}
}
