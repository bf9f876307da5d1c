package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
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
  void sortsIdsBunchedInOnePlaceBesideOutliers() {
    SplittableRandom random = new SplittableRandom(5);
    long[] bunched = random.longs(20_000, 1L << 40, (1L << 40) + 50_000).distinct().toArray();
    long[] ids =
        LongStream.concat(LongStream.of(Long.MAX_VALUE, 1, 1L << 62), LongStream.of(bunched))
            .toArray();
    long[] widgets = ids.clone();

    List<WidgetsOrdered> listed = WidgetsById.sort(ids.clone(), widgets, ids.length);

    long[] expected = ids.clone();
    Arrays.sort(expected);
    assertEquals(expected.length, listed.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(new WidgetsOrdered(expected[i], expected[i]), listed.get(i), "position " + i);
    }
  }

  @Test
  void sortsOnlyTheFilledPartAndIsReadOnly() {
    List<WidgetsOrdered> listed =
        WidgetsById.sort(new long[] {9, 3, 0, 0}, new long[] {1, 2, 0, 0}, 2);

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

    assertEquals(
        List.of(1L, 65_535L, 65_536L, 1L << 48, Long.MAX_VALUE),
        supervisor.allWidgetsOrdered().stream().map(WidgetsOrdered::accountId).toList());
  }
}
