package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WidgetsByIdTest {

  @Test
  void sortsIdsOfEverySizeWithTheirCounts() {
    SplittableRandom random = new SplittableRandom(3);
    for (long bound : new long[] {100, 70_000, 1L << 40, Long.MAX_VALUE}) {
      int size = 5_000;
      long[] ids = random.longs(size, 1, bound).distinct().toArray();
      long[] widgets = new long[ids.length];
      List<WidgetsOrdered> expected = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        widgets[i] = random.nextLong(1, 1_000);
        expected.add(new WidgetsOrdered(ids[i], widgets[i]));
      }
      expected.sort(Comparator.comparingLong(WidgetsOrdered::accountId));

      assertEquals(expected, WidgetsById.sort(ids, widgets, ids.length), "ids below " + bound);
    }
  }

  @Test
  void sortsOnlyTheFilledPartAndIsReadOnly() {
    List<WidgetsOrdered> listed = WidgetsById.sort(new long[] {9, 3, 0, 0}, new long[] {1, 2, 0, 0}, 2);

    assertEquals(List.of(new WidgetsOrdered(3, 2), new WidgetsOrdered(9, 1)), listed);
    assertThrows(UnsupportedOperationException.class, () -> listed.add(new WidgetsOrdered(1, 1)));
    assertEquals(List.of(), WidgetsById.sort(new long[0], new long[0], 0));
  }

  @Test
  void theSupervisorListsScatteredIdsInOrder() {
    AccountSupervisor supervisor = AccountSupervisor.builder().build();
    for (long id : new long[] {Long.MAX_VALUE, 65_536, 1, 65_535, 1L << 48}) {
      supervisor.orderWidget(id);
    }

    assertEquals(List.of(1L, 65_535L, 65_536L, 1L << 48, Long.MAX_VALUE),
        supervisor.allWidgetsOrdered().stream().map(WidgetsOrdered::accountId).toList());
  }
}
