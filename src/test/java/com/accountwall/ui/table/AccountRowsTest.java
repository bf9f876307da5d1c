package com.accountwall.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * {@link AccountRows} against the plain answer: after any mix of arrivals, count changes and
 * removals, a sort leaves the rows exactly as a full stable sort would, and its change events,
 * replayed on a copy, give the same list.
 */
class AccountRowsTest {
  private static final Comparator<AccountRow> MOST_SOLD_FIRST =
      Comparator.comparingLong(AccountRow::getWidgetsSold).reversed();

  private final AccountSupervisor supervisor =
      AccountSupervisor.builder()
          .clock(new MutableClock(Instant.parse("2026-11-23T09:00:00Z")))
          .build();
  private final AccountRows rows = new AccountRows();
  private final List<AccountRow> replayed = new ArrayList<>();

  AccountRowsTest() {
    rows.addListener((ListChangeListener<AccountRow>) this::replay);
  }

  @Test
  void sortingOnlyTheMovedRowsGivesTheOrderOfAFullStableSort() {
    SplittableRandom random = new SplittableRandom(7);
    arrive(1, 500);

    for (int round = 0; round < 200; round++) {
      for (int change = 0; change < 1 + random.nextInt(20); change++) {
        AccountRow row = rows.get(random.nextInt(rows.size()));
        supervisor.order(row.getAccountId(), 1 + random.nextInt(3));
        row.refresh();
        rows.markMoved(row);
      }
      if (round % 10 == 0) {
        arrive(1_000 + round * 10L, 3);
      }
      if (round % 25 == 0) {
        int run = random.nextInt(rows.size() - 3);
        Set<AccountRow> leaving =
            new HashSet<>(List.of(rows.get(run), rows.get(run + 1), rows.get(run + 2)));
        leaving.add(rows.get(random.nextInt(rows.size())));
        rows.removeAll(leaving);
      }
      List<AccountRow> expected = new ArrayList<>(rows); // a stable sort keeps ties in this order
      expected.sort(MOST_SOLD_FIRST);
      rows.sort(MOST_SOLD_FIRST);
      assertEquals(expected, List.copyOf(rows), "round " + round);
      assertEquals(List.copyOf(rows), replayed, "the change events, replayed, round " + round);
    }
  }

  @Test
  void aNewOrderSortsAllRows() {
    arrive(1, 50)
        .forEach(
            row -> {
              supervisor.order(row.getAccountId(), row.getAccountId() % 7 + 1);
              row.refresh();
            });
    rows.sort(MOST_SOLD_FIRST);
    Comparator<AccountRow> byId = Comparator.comparingLong(AccountRow::getAccountId);
    rows.sort(byId);

    List<AccountRow> expected = new ArrayList<>(rows);
    expected.sort(byId);
    assertEquals(expected, List.copyOf(rows));
    assertEquals(expected, replayed);
  }

  private List<AccountRow> arrive(long firstId, int count) {
    List<AccountRow> arrivals = new ArrayList<>();
    for (long id = firstId; id < firstId + count; id++) {
      arrivals.add(new AccountRow(supervisor.orderWidget(id), true));
    }
    rows.addArrivals(arrivals);
    return arrivals;
  }

  private void replay(ListChangeListener.Change<? extends AccountRow> change) {
    while (change.next()) {
      if (change.wasPermutated()) {
        List<AccountRow> before = new ArrayList<>(replayed);
        for (int i = change.getFrom(); i < change.getTo(); i++) {
          replayed.set(change.getPermutation(i), before.get(i));
        }
      } else {
        replayed.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
        replayed.addAll(change.getFrom(), change.getAddedSubList());
      }
    }
  }
}
