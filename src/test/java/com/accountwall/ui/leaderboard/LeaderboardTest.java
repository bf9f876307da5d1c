package com.accountwall.ui.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.TableModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard, which ranks only its candidates, against ranking every row: after any mix of
 * arrivals, orders and endings it shows the same ten accounts in the same order. It hears of the
 * rows as on the wall, from the table's model.
 */
class LeaderboardTest {
  private static final long HALF_SECOND = 500_000_000L;

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(new MutableClock(NOW)).build();
  private final Leaderboard leaderboard = new Leaderboard();
  private final TableModel table = new TableModel(NOW, Duration.ofHours(24), List.of());
  private final List<AccountRow> rows = table.getRows();
  private long frameNanos;

  LeaderboardTest() {
    table.addRowListener(leaderboard);
  }

  @Test
  void ranksAsIfItLookedAtEveryRow() {
    SplittableRandom random = new SplittableRandom(11);
    for (long id = 1; id <= 200; id++) {
      arrive(id, 1 + random.nextInt(50));
    }
    for (int round = 0; round < 300; round++) {
      for (int i = 0; i < 20; i++) {
        AccountRow row = rows.get(random.nextInt(rows.size()));
        if (!row.isEnding()) {
          changed(
              supervisor.order(row.getAccountId(), 1 + random.nextInt(round % 50 == 0 ? 200 : 5)));
        }
      }
      if (round % 7 == 0) {
        end(
            best()
                .get(random.nextInt(3))); // the top ends now and then, which empties the candidates
      }
      if (round % 5 == 0) {
        arrive(1_000L + round, 1 + random.nextInt(300));
      }
      leaderboard.onFrame(rows, frameNanos += HALF_SECOND);

      assertEquals(
          best().stream().map(AccountRow::getAccountId).toList(),
          leaderboard.getStandings().stream().map(Leaderboard.Standing::accountId).toList(),
          "round " + round);
    }
  }

  private void arrive(long id, long widgets) {
    changed(supervisor.order(id, widgets));
  }

  private void changed(Account account) {
    table.apply(List.of(account), List.of(), frameNanos);
  }

  /** Ends the row's account; its row stays, fading, as no frame advances the table's animations. */
  private void end(AccountRow row) {
    Account account = supervisor.whereis(row.getAccountId()).orElseThrow();
    supervisor.end(row.getAccountId());
    table.apply(List.of(), List.of(account), frameNanos);
  }

  /** The ten best rows that have not ended, by looking at every one. */
  private List<AccountRow> best() {
    return rows.stream()
        .filter(row -> !row.isEnding())
        .sorted(
            Comparator.comparingLong(AccountRow::getWidgetsSold)
                .reversed()
                .thenComparingLong(AccountRow::getAccountId))
        .limit(Leaderboard.SIZE)
        .toList();
  }
}
