package com.accountwall.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.OrderSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderGeneratorTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private long now;
  private final List<Long> ordered = new ArrayList<>();
  private final OrderSink sink =
      (id, quantity) -> {
        ordered.add(id);
        return null;
      };

  private OrderGenerator.Builder generator() {
    return OrderGenerator.builder(sink).ticker(() -> now).seed(7);
  }

  @Test
  void sendsOrdersAtTheConfiguredRate() {
    OrderGenerator generator = generator().rate(40).build();
    generator.resume();

    for (int i = 0; i < 100; i++) {
      now += SECOND / 100;
      generator.tick();
    }

    assertEquals(40, ordered.size(), 1);
  }

  @Test
  void pausedSendsNothingAndOwesNothing() {
    OrderGenerator generator = generator().rate(100).build();
    generator.resume();
    generator.pause();
    now += SECOND;
    generator.tick();
    assertEquals(0, ordered.size());

    generator.resume();
    now += SECOND / 10;
    generator.tick();
    assertEquals(10, ordered.size(), 1);
  }

  @Test
  void aRateChangeTakesEffectAtTheNextTick() {
    OrderGenerator generator = generator().rate(10).build();
    generator.resume();
    generator.setRate(1_000);

    now += SECOND;
    generator.tick();

    assertEquals(1_000, ordered.size(), 1);
    assertThrows(IllegalArgumentException.class, () -> generator.setRate(-1));
    assertThrows(IllegalArgumentException.class, () -> generator.setRate(Double.NaN));
  }

  @Test
  void theSameSeedGivesTheSameOrders() {
    List<Long> first = run(generator().seed(99).rate(500).build());
    List<Long> second = run(generator().seed(99).rate(500).build());
    List<Long> other = run(generator().seed(100).rate(500).build());

    assertEquals(first, second);
    assertNotEquals(first, other);
  }

  @Test
  void aFewAccountsOrderOftenAndMostRarely() {
    run(generator().poolSize(1_000).rate(100_000).build());

    Map<Long, Integer> perAccount = new HashMap<>();
    ordered.forEach(id -> perAccount.merge(id, 1, Integer::sum));
    List<Integer> counts = new ArrayList<>(perAccount.values());
    counts.sort((a, b) -> b - a);
    int topTen = counts.subList(0, 10).stream().mapToInt(Integer::intValue).sum();

    assertTrue(perAccount.keySet().stream().allMatch(id -> id >= 1 && id <= 1_000));
    assertTrue(
        topTen > ordered.size() / 3, "the top 1% of accounts place over a third of the orders");
    assertTrue(perAccount.size() > 500, "most of the pool orders at least once");
  }

  @Test
  void aRejectedOrderDoesNotStopTheGenerator() {
    List<Long> accepted = new ArrayList<>();
    OrderGenerator generator =
        OrderGenerator.builder(
                (id, quantity) -> {
                  if (accepted.size() % 2 == 0 && accepted.size() < 4) {
                    accepted.add(-id);
                    throw new IllegalArgumentException("no");
                  }
                  accepted.add(id);
                  return null;
                })
            .ticker(() -> now)
            .rate(10)
            .build();
    generator.resume();

    now += SECOND;
    generator.tick();

    assertEquals(10, accepted.size());
  }

  private List<Long> run(OrderGenerator generator) {
    ordered.clear();
    generator.resume();
    now += SECOND;
    generator.tick();
    return new ArrayList<>(ordered);
  }
}
