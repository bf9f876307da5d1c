package com.accountwall.ui.table;

/**
 * Hears what happens to the table's rows as {@link TableModel} applies a frame's batch of the
 * core's changes: how the figures learn of the newest account, the leaderboard of the rows that may
 * rank and the teams' totals of what each team's live accounts sold, without a pass over all rows.
 * Called on the JavaFX thread.
 *
 * <p>A listener {@linkplain TableModel#addRowListener added for the rows shown} hears of the rows
 * of the team shown only (all rows while all teams are shown); one {@linkplain
 * TableModel#addEveryRowListener added for every row} hears of every live row. Each change is told
 * once the row has taken it and before the next is taken, the team first, then the count, so a
 * listener that keeps totals can move exactly what it counted: a row's widgets and team when it
 * arrived, changed by each event, are what the row holds when it ends.
 */
public interface RowListener {

  /**
   * A row for an account the table did not show, or, for a listener of the rows shown, a row that
   * joined them because its team became the one shown.
   *
   * @param fresh false for an account that was live before the window opened, such as one restored
   *     on start: it arrives with the first batch but is no one's newest account
   */
  default void arrived(AccountRow row, boolean fresh) {}

  /** The row's widget count grew from {@code widgetsBefore}. */
  default void grew(AccountRow row, long widgetsBefore) {}

  /**
   * The row's team changed from {@code teamBefore}: the directory's profile of its account arrived
   * after its first orders. Told to the listeners of every row only.
   */
  default void teamChanged(AccountRow row, String teamBefore) {}

  /**
   * The row's account ended (the row fades out and then leaves), or, for a listener of the rows
   * shown, the row left them because its team is no longer the one shown.
   */
  default void ending(AccountRow row) {}

  /**
   * The rows shown were replaced as a whole by those of another team: what was heard of the rows
   * before no longer applies. Told to the listeners of the rows shown only.
   */
  default void reshown() {}
}
