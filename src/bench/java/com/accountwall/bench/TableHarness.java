package com.accountwall.bench;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.ExpiryTicker;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.ui.WallModel;
import com.accountwall.ui.WallView;
import com.accountwall.ui.table.AccountRow;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real window under load: {@code --rows} live accounts (default 100,000) in the wall's table
 * while one thread sends {@code --rate} orders per second (default 100,000) for {@code --seconds}
 * (default 30) to random ones of them; then {@code --expire} more accounts (default 10,000) that
 * all reach their deadline in the same instant, while the orders go on. With {@code --big-order N
 * --big-every K}, every K-th order is of N widgets, a big order: its row flashes as one and the
 * celebration banner shows (10 a second at 100,000 orders/s and K 10,000 keep the banner on screen
 * throughout, its queue full, among ordinary orders). With {@code --big-order 1} every order (one
 * widget each) is a big order: its row flashes as one and the celebration banner is on screen
 * throughout, queue full, the worst case of both.
 *
 * <p>First, as the baseline, the same window with the same rows and no orders for up to {@value
 * #BASELINE_SECONDS} s. It shows the window built by {@link WallView#load} at 1920×1080 on
 * Monocle's headless screen with software rendering (so it runs without a display, as CI does), or
 * with {@code --screen display} on the real one (under {@code xvfb-run}, say). It reports, over the
 * measured seconds:
 *
 * <ul>
 *   <li><b>frames per second</b>: pulses in which the JavaFX thread ran the wall's frame, counted
 *       by an {@link AnimationTimer} of its own; the mean, and the worst single second;
 *   <li><b>latency</b>: for every 1,000th order, the time from just before it entered the core to
 *       the end of the frame in which its row first showed its count (or a later one); p50, p99,
 *       max;
 *   <li><b>JavaFX thread busy</b>: the CPU time of the JavaFX application thread divided by the
 *       elapsed time (the render thread's share is printed beside it);
 *   <li><b>expiry</b>: frames per second in each quarter second of the fade, how many frames showed
 *       an ending row half faded, and that every expired row left the table.
 * </ul>
 *
 * <p>Bounded: it sends at most {@code rate × (2 × warm-up + seconds + 6)} orders and exits. Run:
 *
 * <pre>
 * mvn -q -B -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.TableHarness -Dbench.args="--rows 100000 --rate 100000 --seconds 30"
 * </pre>
 */
public final class TableHarness {
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final int SAMPLE_EVERY = 1_000;
  private static final int EXPIRE_AFTER_SECONDS = 3;
  private static final int BASELINE_SECONDS = 5;

  private final int rowCount;
  private final int rate;
  private final long bigOrder;

  /** Every this many orders, one is of {@link #bigOrder} widgets; 0: none. */
  private final int bigEvery;

  private final Clock clock = Clock.systemUTC();
  private final AccountSupervisor supervisor;
  private final ConcurrentLinkedQueue<Sample> sent = new ConcurrentLinkedQueue<>();
  private volatile boolean sending = true;

  // Confined to the JavaFX thread.
  private final Map<Long, AccountRow> rowsById = new HashMap<>();
  private final List<Sample> waiting = new ArrayList<>();
  private final List<Long> latencies = new ArrayList<>();
  private final List<Long> frameNanos = new ArrayList<>();
  private boolean measuring;
  private AccountRow expiringProbe;
  private int halfFadedFrames;

  /** An order whose arrival on the table is timed. */
  private record Sample(long accountId, long countAfter, long sentNanos) {}

  private TableHarness(int rowCount, int rate, long bigOrder, int bigEvery) {
    this.rowCount = rowCount;
    this.bigOrder = bigOrder;
    this.bigEvery = bigEvery;
    this.rate = rate;
    this.supervisor = AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        ApiLoadHarness.options(
            args,
            "--rows",
            "--rate",
            "--seconds",
            "--warmup",
            "--expire",
            "--big-order",
            "--big-every",
            "--screen");
    int rows = ApiLoadHarness.intOption(options, "--rows", 100_000, 1);
    int rate = ApiLoadHarness.intOption(options, "--rate", 100_000, 1);
    int seconds = ApiLoadHarness.intOption(options, "--seconds", 30, 1);
    int warmup = ApiLoadHarness.intOption(options, "--warmup", 5, 0);
    int expire = ApiLoadHarness.intOption(options, "--expire", 10_000, 0);
    int bigOrder = ApiLoadHarness.intOption(options, "--big-order", 0, 0);
    int bigEvery = ApiLoadHarness.intOption(options, "--big-every", 0, 0);
    HarnessScreen.choose(options);
    new TableHarness(rows, rate, bigOrder, bigEvery).run(seconds, warmup, expire);
    System.exit(0);
  }

  private void run(int seconds, int warmup, int expire) throws Exception {
    for (long id = 1; id <= rowCount; id++) {
      supervisor.orderWidget(id);
    }
    ExpiryTicker expiry = new ExpiryTicker(supervisor);
    CountDownLatch settled = new CountDownLatch(1);
    Platform.startup(() -> showWall(settled));
    if (!settled.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the table never showed all " + rowCount + " rows");
    }
    System.out.printf(
        "%,d rows, %,d orders/s%s, %d s warm-up, %d s measured, JDK %s%n",
        rowCount,
        rate,
        bigOrder == 0
            ? ""
            : String.format(
                " (big orders from %,d widgets, %s)",
                bigOrder, bigEvery == 0 ? "every order of one widget" : "one order in " + bigEvery),
        warmup,
        seconds,
        Runtime.version());
    TimeUnit.SECONDS.sleep(warmup);
    measure(Math.min(seconds, BASELINE_SECONDS)).print("baseline, no orders");
    Thread orders = new Thread(this::sendOrders, "orders");
    orders.start();

    TimeUnit.SECONDS.sleep(warmup);
    Measurement steady = measure(seconds);
    steady.print("steady");

    if (expire > 0) {
      expireAtOnce(expire);
    }
    sending = false;
    orders.join();
    expiry.close();
  }

  private void showWall(CountDownLatch settled) {
    OrderGenerator idle = OrderGenerator.builder(supervisor).build();
    WallModel wall = WallModel.builder(supervisor, clock, idle).bigOrder(bigOrder).build();
    wall.table()
        .getRows()
        .addListener(
            (ListChangeListener<AccountRow>)
                change -> {
                  while (change.next()) {
                    change.getRemoved().forEach(row -> rowsById.remove(row.getAccountId()));
                    change.getAddedSubList().forEach(row -> rowsById.put(row.getAccountId(), row));
                  }
                });
    Stage stage = new Stage();
    try {
      stage.setScene(new Scene(WallView.load(wall), 1920, 1080));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    stage.show();
    wall.start();
    // Started after the wall's own timer, so it runs after the wall's frame in every pulse.
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        onFrame();
        if (settled.getCount() > 0 && rowsById.size() == rowCount) {
          settled.countDown();
        }
      }
    }.start();
  }

  private void onFrame() {
    long now = System.nanoTime();
    for (Sample sample; (sample = sent.poll()) != null; ) {
      waiting.add(sample);
    }
    waiting.removeIf(
        sample -> {
          AccountRow row = rowsById.get(sample.accountId());
          if (row == null || row.getWidgetsSold() < sample.countAfter()) {
            return false;
          }
          if (measuring) {
            latencies.add(now - sample.sentNanos());
          }
          return true;
        });
    if (measuring) {
      frameNanos.add(now);
    }
    if (expiringProbe != null && expiringProbe.isEnding()) {
      double opacity = expiringProbe.opacityProperty().get();
      if (opacity > 0 && opacity < 1) {
        halfFadedFrames++;
      }
    }
  }

  /**
   * Paced: each loop sends the orders that are due by now, so the rate holds however the loop runs.
   */
  private void sendOrders() {
    SplittableRandom random = new SplittableRandom(42);
    long start = System.nanoTime();
    long sentCount = 0;
    while (sending) {
      long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
      if (due == sentCount) {
        LockSupport.parkNanos(100_000);
        continue;
      }
      for (; sentCount < due; sentCount++) {
        long id = 1 + random.nextInt(rowCount);
        if (sentCount % SAMPLE_EVERY == 0) {
          long sentNanos = System.nanoTime();
          Account account = supervisor.orderWidget(id);
          sent.add(new Sample(id, account.widgetsOrdered(), sentNanos));
        } else if (bigEvery > 0 && (sentCount + 1) % bigEvery == 0) {
          supervisor.order(id, bigOrder);
        } else {
          supervisor.orderWidget(id);
        }
      }
    }
  }

  private Measurement measure(int seconds) throws Exception {
    long fxThread = onFx(() -> Thread.currentThread().getId());
    long renderThread =
        Arrays.stream(Thread.getAllStackTraces().keySet().toArray(Thread[]::new))
            .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
            .mapToLong(Thread::getId)
            .findFirst()
            .orElse(-1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    onFx(
        () -> {
          latencies.clear();
          frameNanos.clear();
          measuring = true;
          return null;
        });
    long fxCpu = threads.getThreadCpuTime(fxThread);
    long renderCpu = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
    long start = System.nanoTime();
    TimeUnit.SECONDS.sleep(seconds);
    long elapsed = System.nanoTime() - start;
    double fxBusy = (double) (threads.getThreadCpuTime(fxThread) - fxCpu) / elapsed;
    double renderBusy =
        renderThread < 0
            ? 0
            : (double) (threads.getThreadCpuTime(renderThread) - renderCpu) / elapsed;
    return onFx(
        () -> {
          measuring = false;
          return new Measurement(
              new ArrayList<>(frameNanos), new ArrayList<>(latencies), fxBusy, renderBusy);
        });
  }

  private void expireAtOnce(int count) throws Exception {
    Instant lastOrder = clock.instant().minus(LIFETIME).plusSeconds(EXPIRE_AFTER_SECONDS);
    for (long id = rowCount + 1; id <= rowCount + count; id++) {
      supervisor.restore(id, 1, lastOrder);
    }
    Instant deadline = lastOrder.plus(LIFETIME);
    TimeUnit.MILLISECONDS.sleep(
        Math.max(0, Duration.between(clock.instant(), deadline).toMillis() - 1_000));
    onFx(() -> expiringProbe = rowsById.get((long) rowCount + 1));
    Measurement fade = measure(3);
    int left = onFx(() -> (int) rowsById.keySet().stream().filter(id -> id > rowCount).count());
    System.out.printf(
        "expiry: %,d rows due at once; frames per second in each quarter second around it: %s%n",
        count, fade.quarterSecondRates());
    System.out.printf(
        "expiry: %d frames showed an ending row half faded; %,d of the %,d rows still in the table"
            + " afterwards; JavaFX thread busy %.0f %%%n",
        onFx(() -> halfFadedFrames), left, count, fade.fxBusy() * 100);
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(task.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(30, TimeUnit.SECONDS);
  }

  private record Measurement(
      List<Long> frames, List<Long> latencies, double fxBusy, double renderBusy) {

    void print(String label) {
      if (frames.size() < 2) {
        System.out.printf("%s: fewer than two frames in the whole measurement%n", label);
        return;
      }
      double seconds = (frames.get(frames.size() - 1) - frames.get(0)) / 1e9;
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "%s: %.1f frames/s (worst second %d, longest frame %.0f ms); JavaFX thread busy %.0f %%"
              + " (render thread %.0f %%)%n",
          label,
          (frames.size() - 1) / seconds,
          worstSecond(),
          longestFrame() / 1e6,
          fxBusy * 100,
          renderBusy * 100);
      if (sorted.length > 0) {
        System.out.printf(
            "%s: order to row latency over %,d samples: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            label,
            sorted.length,
            percentile(sorted, 0.50),
            percentile(sorted, 0.99),
            percentile(sorted, 1.0));
      }
    }

    long longestFrame() {
      long longest = 0;
      for (int i = 1; i < frames.size(); i++) {
        longest = Math.max(longest, frames.get(i) - frames.get(i - 1));
      }
      return longest;
    }

    int worstSecond() {
      return Arrays.stream(framesPer(1_000_000_000L)).min().orElse(0);
    }

    List<Integer> quarterSecondRates() {
      return Arrays.stream(framesPer(250_000_000L)).map(count -> count * 4).boxed().toList();
    }

    /** Frames in each whole stretch of {@code nanos} from the first frame. */
    private int[] framesPer(long nanos) {
      if (frames.isEmpty()) {
        return new int[0];
      }
      long start = frames.get(0);
      int[] counts = new int[(int) Math.max(1, (frames.get(frames.size() - 1) - start) / nanos)];
      for (long frame : frames) {
        int stretch = (int) ((frame - start) / nanos);
        if (stretch < counts.length) {
          counts[stretch]++;
        }
      }
      return counts;
    }

    private static double percentile(long[] sorted, double fraction) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }
  }
}
