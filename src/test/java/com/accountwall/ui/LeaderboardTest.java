package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard, which ranks only its candidates, against ranking every row: after any mix of
 * arrivals, orders and endings it shows the same ten accounts in the same order.
 */
class LeaderboardTest {
  private static final long HALF_SECOND = 500_000_000L;

  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(new MutableClock(Instant.parse("2026-11-23T09:00:00Z"))).build();
  private final Leaderboard leaderboard = new Leaderboard();
  private final List<AccountRow> rows = new ArrayList<>();
  private long frameNanos;

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
          supervisor.order(row.getAccountId(), 1 + random.nextInt(round % 50 == 0 ? 200 : 5));
          row.refresh();
          leaderboard.offer(row);
        }
      }
      if (round % 7 == 0) {
        end(best().get(random.nextInt(3))); // the top ends now and then, which empties the candidates
      }
      if (round % 5 == 0) {
        arrive(1_000L + round, 1 + random.nextInt(300));
      }
      leaderboard.onFrame(rows, frameNanos += HALF_SECOND);

      assertEquals(best().stream().map(AccountRow::getAccountId).toList(),
          leaderboard.getStandings().stream().map(Leaderboard.Standing::accountId).toList(), "round " + round);
    }
  }

  private void arrive(long id, long widgets) {
    AccountRow row = new AccountRow(supervisor.order(id, widgets));
    rows.add(row);
    leaderboard.offer(row);
  }

  private void end(AccountRow row) {
    supervisor.end(row.getAccountId());
    new RowAnimations().end(row, frameNanos);
    leaderboard.ended(row);
  }

  /** The ten best rows that have not ended, by looking at every one. */
  private List<AccountRow> best() {
    return rows.stream()
        .filter(row -> !row.isEnding())
        .sorted(Comparator.comparingLong(AccountRow::getWidgetsSold).reversed()
            .thenComparingLong(AccountRow::getAccountId))
        .limit(Leaderboard.SIZE)
        .toList();
  }
}
