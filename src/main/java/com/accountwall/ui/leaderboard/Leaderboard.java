package com.accountwall.ui.leaderboard;

import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.RowListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The leaderboard's model: the top ten live accounts by widgets sold, with how each moved. Ranked
 * at most twice a second (by the frame clock). A move shows for {@link #MOVE_SHOWN_NANOS} after it
 * happened. Confined to the JavaFX thread.
 *
 * <p>Ranking looks only at a few {@linkplain #CANDIDATES candidates}, not at every row: a pass over
 * 100,000 rows took 40 ms, a stalled frame twice a second. The table's model {@linkplain #offer
 * offers} every row that arrived or whose count grew; counts only grow, so a row not among the
 * candidates had at most {@code floor} widgets when it was last looked at, and it can only enter by
 * growing, which is offered. Only when so many candidates have ended that fewer than ten are left
 * does a ranking pass over all the rows again.
 */
public final class Leaderboard implements RowListener {
  static final int SIZE = 10;
  static final long RANK_EVERY_NANOS = 500_000_000L;
  static final long MOVE_SHOWN_NANOS = 10_000_000_000L;
  static final int CANDIDATES = 3 * SIZE;

  /** How an account's rank changed lately. */
  public enum Trend {
    SAME,
    UP,
    DOWN,
    NEW
  }

  /**
   * One place on the board; {@code places} is how far it moved, for {@link Trend#UP} and {@link
   * Trend#DOWN}.
   */
  public record Standing(
      int rank, long accountId, String name, long widgets, Trend trend, int places) {}

  private record Move(Trend trend, int places, long at) {}

  /** Best first: most widgets, then the lower id, so the order is stable between equal counts. */
  private static final Comparator<AccountRow> BEST =
      Comparator.comparingLong(AccountRow::getWidgetsSold)
          .reversed()
          .thenComparingLong(AccountRow::getAccountId);

  private final ObservableList<Standing> standings = FXCollections.observableArrayList();
  private final ObservableList<Standing> readOnly =
      FXCollections.unmodifiableObservableList(standings);
  private Map<Long, Integer> ranks = new HashMap<>();
  private Map<Long, Move> moves = new HashMap<>();
  private long rankedAt;
  private boolean ranked;

  private final List<AccountRow> candidates = new ArrayList<>();

  /** No row outside the candidates had more widgets than this when it was last looked at. */
  private long floor;

  private boolean passNeeded = true;

  /** The board, best first; replaced as a whole when it is re-ranked. */
  public ObservableList<Standing> getStandings() {
    return readOnly;
  }

  @Override
  public void arrived(AccountRow row, boolean fresh) {
    offer(row);
  }

  @Override
  public void grew(AccountRow row, long widgetsBefore) {
    offer(row);
  }

  @Override
  public void ending(AccountRow row) {
    if (candidates.remove(row) && candidates.size() < SIZE) {
      passNeeded = true;
    }
  }

  /** Another team is shown: the board starts again from its rows, with no move to show. */
  @Override
  public void reshown() {
    candidates.clear();
    passNeeded = true;
    ranked = false;
    ranks = new HashMap<>();
    moves = new HashMap<>();
  }

  /** Notes that {@code row} arrived or its count grew. */
  private void offer(AccountRow row) {
    if (passNeeded || row.getWidgetsSold() < floor || candidates.contains(row)) {
      return;
    }
    if (candidates.size() < CANDIDATES) {
      candidates.add(row);
      return;
    }
    AccountRow worst = candidates.stream().max(BEST).orElseThrow();
    AccountRow left = worst;
    if (BEST.compare(row, worst) < 0) {
      candidates.set(candidates.indexOf(worst), row);
    } else {
      left = row;
    }
    floor = Math.max(floor, left.getWidgetsSold());
  }

  /** Re-ranks if half a second has passed since the last ranking; {@code rows} are all the rows. */
  public void onFrame(List<AccountRow> rows, long frameNanos) {
    if (ranked && frameNanos - rankedAt < RANK_EVERY_NANOS) {
      return;
    }
    if (passNeeded) {
      candidates.clear();
      candidates.addAll(best(rows, CANDIDATES));
      floor = candidates.isEmpty() ? 0 : candidates.get(candidates.size() - 1).getWidgetsSold();
      passNeeded = false;
    }
    List<AccountRow> top = best(candidates, SIZE);
    Map<Long, Integer> newRanks = new HashMap<>();
    Map<Long, Move> newMoves = new HashMap<>();
    List<Standing> board = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      AccountRow row = top.get(i);
      int rank = i + 1;
      Integer before = ranks.get(row.getAccountId());
      Move move = moves.get(row.getAccountId());
      if (before == null && ranked) {
        move = new Move(Trend.NEW, 0, frameNanos);
      } else if (before != null && before != rank) {
        move = new Move(before > rank ? Trend.UP : Trend.DOWN, Math.abs(before - rank), frameNanos);
      }
      if (move != null && frameNanos - move.at() >= MOVE_SHOWN_NANOS) {
        move = null;
      }
      newRanks.put(row.getAccountId(), rank);
      if (move != null) {
        newMoves.put(row.getAccountId(), move);
      }
      board.add(
          new Standing(
              rank,
              row.getAccountId(),
              row.getName(),
              row.getWidgetsSold(),
              move == null ? Trend.SAME : move.trend(),
              move == null ? 0 : move.places()));
    }
    ranks = newRanks;
    moves = newMoves;
    rankedAt = frameNanos;
    ranked = true;
    if (!board.equals(standings)) {
      standings.setAll(board);
    }
  }

  /** The best {@code size} rows that are not ending, best first. */
  private static List<AccountRow> best(List<AccountRow> rows, int size) {
    PriorityQueue<AccountRow> best = new PriorityQueue<>(size + 1, BEST.reversed());
    for (AccountRow row : rows) {
      if (!row.isEnding()) {
        best.add(row);
        if (best.size() > size) {
          best.poll();
        }
      }
    }
    List<AccountRow> top = new ArrayList<>(best);
    top.sort(BEST);
    return top;
  }
}
