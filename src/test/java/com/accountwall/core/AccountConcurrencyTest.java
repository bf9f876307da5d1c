package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AccountConcurrencyTest {
  private static final int THREADS = 8;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
  }

  @RepeatedTest(5)
  void racingFindOrCreateOnOneNewIdCreatesExactlyOneAccount() throws Exception {
    AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
    RecordingListener recorder = new RecordingListener();
    supervisor.addListener(recorder);

    List<Account> found = runTogether(() -> supervisor.findOrCreate(42));

    found.forEach(account -> assertSame(found.get(0), account));
    assertEquals(List.of("created 42"), recorder.events);
    assertEquals(1, supervisor.details(42).orElseThrow().widgetsOrdered());
  }

  @Test
  void manyWritersOnSharedAndOwnIdsLoseNoOrder() throws Exception {
    AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
    Map<Long, LongAdder> created = new ConcurrentHashMap<>();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountCreated(Account account) {
            created.computeIfAbsent(account.id(), id -> new LongAdder()).increment();
          }
        });
    int ordersPerThread = 20_000;
    AtomicLong threadNumber = new AtomicLong();

    runTogether(
        () -> {
          long own = 1_000 + threadNumber.incrementAndGet();
          for (int i = 0; i < ordersPerThread; i++) {
            supervisor.findOrCreate(1 + i % 50);
            supervisor.orderWidget(1 + i % 50); // shared by every thread
            supervisor.orderWidget(own); // this thread's alone
          }
          return null;
        });

    assertEquals(50 + THREADS, supervisor.count());
    created.forEach((id, times) -> assertEquals(1, times.sum(), "account " + id + " created once"));
    long shared = 0;
    for (long id = 1; id <= 50; id++) {
      shared += supervisor.details(id).orElseThrow().widgetsOrdered();
    }
    // findOrCreate's creation counts as one order per shared id.
    assertEquals((long) THREADS * ordersPerThread + 50, shared);
    for (long own = 1_001; own <= 1_000 + THREADS; own++) {
      assertEquals(ordersPerThread, supervisor.details(own).orElseThrow().widgetsOrdered());
    }
    assertEquals((long) THREADS * ordersPerThread * 2 + 50, supervisor.totalWidgetsOrdered());
  }

  @Test
  void ordersRacingExpiryAreCountedOnExactlyOneAccount() throws Exception {
    AccountSupervisor supervisor =
        AccountSupervisor.builder().clock(clock).lifetime(Duration.ofMillis(5)).build();
    LongAdder widgetsOfEndedAccounts = new LongAdder();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountEnded(Account account) {
            widgetsOfEndedAccounts.add(account.widgetsOrdered());
          }
        });
    int ordersPerThread = 20_000;
    CountDownLatch writersDone = new CountDownLatch(THREADS - 1);
    Future<?> sweeper =
        pool.submit(
            () -> {
              while (writersDone.getCount() > 0) {
                clock.advance(Duration.ofMillis(1));
                supervisor.expireDue();
              }
            });

    for (int t = 0; t < THREADS - 1; t++) {
      pool.submit(
          () -> {
            for (int i = 0; i < ordersPerThread; i++) {
              supervisor.orderWidget(1 + i % 20);
            }
            writersDone.countDown();
          });
    }
    sweeper.get(30, TimeUnit.SECONDS);

    long live = supervisor.totalWidgetsOrdered();
    assertEquals((long) (THREADS - 1) * ordersPerThread, live + widgetsOfEndedAccounts.sum());
  }

  @RepeatedTest(3)
  void accountsCreatedWhileSweepsTakeTheirSlotAllEndOnce() throws Exception {
    AccountSupervisor supervisor =
        AccountSupervisor.builder().clock(clock).lifetime(Duration.ofMillis(1)).build();
    Map<Long, Integer> ends = new ConcurrentHashMap<>();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountEnded(Account account) {
            ends.merge(account.id(), 1, Integer::sum);
          }
        });
    clock.advance(
        Duration.ofMillis(100)); // mid-slot: a sweep's horizon falls in the slot being filled
    int accountsPerThread = 20_000;
    CountDownLatch creatorsDone = new CountDownLatch(THREADS - 1);
    Future<?> sweeper =
        pool.submit(
            () -> {
              while (creatorsDone.getCount() > 0) {
                supervisor.expireDue();
              }
            });

    for (int t = 0; t < THREADS - 1; t++) {
      long first = 1 + (long) t * accountsPerThread;
      pool.submit(
          () -> {
            for (long id = first; id < first + accountsPerThread; id++) {
              supervisor.findOrCreate(id);
            }
            creatorsDone.countDown();
          });
    }
    sweeper.get(30, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(1));
    supervisor.expireDue();

    assertEquals(0, supervisor.count());
    assertEquals((THREADS - 1) * accountsPerThread, ends.size(), "accounts ended");
    assertTrue(ends.values().stream().allMatch(n -> n == 1), "each ended once");
  }

  @RepeatedTest(3)
  void ordersRacingEndsAndRecreationAreAnnouncedInOrderAndCountedOnce() throws Exception {
    AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
    Map<Account, List<String>> eventsByAccount = new ConcurrentHashMap<>();
    LongAdder widgetsOfEndedAccounts = new LongAdder();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountCreated(Account account) {
            List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            events.add("created");
            assertEquals(null, eventsByAccount.putIfAbsent(account, events), "created once, first");
          }

          @Override
          public void accountChanged(Account account) {
            List<String> events = eventsByAccount.get(account);
            assertTrue(events != null, "no change before the account is announced");
            events.add("changed");
          }

          @Override
          public void accountEnded(Account account) {
            List<String> events = eventsByAccount.get(account);
            assertTrue(
                events != null && !events.contains("ended"), "ends once, after it was announced");
            events.add("ended");
            widgetsOfEndedAccounts.add(account.widgetsOrdered());
          }
        });
    int ordersPerThread = 20_000;
    CountDownLatch writersDone = new CountDownLatch(THREADS - 1);
    Future<?> ender =
        pool.submit(
            () -> {
              for (long i = 0; writersDone.getCount() > 0; i++) {
                supervisor.end(1 + i % 8);
              }
            });
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS - 1; t++) {
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < ordersPerThread; i++) {
                  supervisor.orderWidget(1 + i % 8);
                }
                writersDone.countDown();
              }));
    }
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    ender.get(60, TimeUnit.SECONDS);

    assertEquals(
        (long) (THREADS - 1) * ordersPerThread,
        supervisor.totalWidgetsOrdered() + widgetsOfEndedAccounts.sum(),
        "every order counted exactly once");
    eventsByAccount.forEach(
        (account, events) -> assertEquals(account.isEnded(), events.contains("ended")));
    long widgetsOfLiveAccounts = 0;
    for (long id : supervisor.ids()) {
      widgetsOfLiveAccounts += supervisor.whereis(id).orElseThrow().widgetsOrdered();
    }
    assertEquals(supervisor.totalWidgetsOrdered(), widgetsOfLiveAccounts);
  }

  /** Runs {@code task} on every thread at once and returns what each returned. */
  private <T> List<T> runTogether(java.util.concurrent.Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
