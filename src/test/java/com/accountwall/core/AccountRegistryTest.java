package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AccountRegistryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
  private final AccountRegistry registry = supervisor.registry();

  @Test
  void keepsEveryLiveAccountAsItGrowsAndShrinks() {
    long[] ids = new SplittableRandom(7).longs(20_000, 1, Long.MAX_VALUE).distinct().toArray();
    for (long id : ids) {
      supervisor.findOrCreate(id);
    }
    for (int i = 0; i < ids.length; i += 2) {
      assertTrue(supervisor.end(ids[i]));
    }

    long[] live =
        LongStream.range(0, ids.length)
            .filter(i -> i % 2 == 1)
            .map(i -> ids[(int) i])
            .sorted()
            .toArray();
    assertEquals(live.length, registry.count());
    assertArrayEquals(live, registry.ids());
    assertEquals(live.length, registry.accounts().size());
    for (int i = 0; i < ids.length; i++) {
      assertEquals(i % 2 == 1, registry.exists(ids[i]), "account " + ids[i]);
    }
  }

  @Test
  void anEndedIdGetsANewAccount() {
    Account first = supervisor.findOrCreate(5);
    supervisor.end(5);

    Account second = supervisor.findOrCreate(5);
    assertNotSame(first, second);
    assertSame(second, registry.whereis(5).orElseThrow());
    assertEquals(1, registry.count());
  }

  @Test
  void aCreationInsideACreationOfTheSameIdIsRefusedAndLeavesNoTrace() {
    assertThrows(
        IllegalStateException.class,
        () ->
            registry.computeIfAbsent(
                1,
                id -> {
                  supervisor.findOrCreate(id);
                  return new Account(id, 1, 0, null);
                }));
    assertFalse(registry.exists(1));
  }

  @Test
  void lookupsFindEveryLiveAccountWhileOthersComeAndGo() throws Exception {
    long[] steady = LongStream.rangeClosed(1, 1_000).toArray();
    for (long id : steady) {
      supervisor.findOrCreate(id);
    }
    CompletableFuture<Void> churn =
        CompletableFuture.runAsync(
            () -> {
              for (long id = 1_000_000;
                  id < 1_200_000;
                  id++) { // grows, clears and shrinks every segment
                supervisor.findOrCreate(id);
                if (id % 4 != 0) {
                  supervisor.end(id);
                }
              }
            });

    long lookups = 0;
    while (!churn.isDone()) {
      long id = steady[(int) (lookups++ % steady.length)];
      assertTrue(registry.exists(id), "lost account " + id + " after " + lookups + " lookups");
    }
    churn.get(1, TimeUnit.MINUTES);
    assertEquals(steady.length + 50_000, registry.count());
  }
}
