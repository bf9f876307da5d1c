package com.accountwall.bench;

import com.accountwall.SoakWindow;
import com.accountwall.Wall;
import com.accountwall.WallConfig;
import com.accountwall.WallOptions;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs the wall, with its window, for a long time at a steady rate of orders and watches what would
 * give out after weeks: heap after a full GC, threads, open files and the frame rate, sampled every
 * {@code --sample} seconds (default 60) after the first frame and {@code --warmup} seconds (default
 * 60), each with its least-squares slope per hour and that slope's standard error. A series is flat
 * within noise when its slope is within two standard errors of zero, or changes the series by less
 * than 2% of its mean over the run.
 *
 * <p>The wall is the real one ({@link Wall#start}, the launcher's window through {@link
 * SoakWindow}) on a fresh data folder, its generator sending {@code --rate} orders/s (default
 * 1,000) to {@code --accounts} ids (default 10,000) with a 24 h lifetime. Its clock runs {@code
 * --simulated} (default: as long as {@code --seconds}) in {@code --seconds} of real time (default
 * 3,600): {@code --simulated 7d} over an hour runs a week of lifetimes, expiries and history
 * retention at 168 times the speed, while orders, frames and timers run in real time. The frame
 * rate is counted by an {@link AnimationTimer}, which keeps pulses going: 60 a second unless the
 * JavaFX thread falls behind.
 *
 * <p>On Monocle's headless screen with software rendering by default (no display needed), or with
 * {@code --screen display} on the real one (under {@code xvfb-run}, say). Bounded: it stops by
 * itself after the first frame, the warm-up and {@code --seconds}. Run:
 *
 * <pre>
 * mvn -q -B -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.SoakHarness -Dbench.args="--seconds 3600 --simulated 7d --sample 60"
 * </pre>
 */
public final class SoakHarness {
  private static final double FLAT_SHARE = 0.02;

  private final AtomicLong frames = new AtomicLong();
  private final List<Sample> samples = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        ApiLoadHarness.options(
            args,
            "--seconds",
            "--simulated",
            "--rate",
            "--accounts",
            "--sample",
            "--warmup",
            "--screen");
    int seconds = ApiLoadHarness.intOption(options, "--seconds", 3_600, 1);
    int sampleSeconds = ApiLoadHarness.intOption(options, "--sample", 60, 1);
    int warmup = ApiLoadHarness.intOption(options, "--warmup", 60, 0);
    int rate = ApiLoadHarness.intOption(options, "--rate", 1_000, 1);
    int accounts = ApiLoadHarness.intOption(options, "--accounts", 10_000, 1);
    Duration simulated =
        options.containsKey("--simulated")
            ? duration(options.get("--simulated"))
            : Duration.ofSeconds(seconds);
    HarnessScreen.choose(options);
    new SoakHarness().run(seconds, simulated, rate, accounts, sampleSeconds, warmup);
    System.exit(0);
  }

  private void run(
      int seconds, Duration simulated, int rate, int accounts, int sampleSeconds, int warmup)
      throws Exception {
    Path data = Files.createTempDirectory("soak-harness");
    double speed = simulated.toMillis() / (seconds * 1_000.0);
    WallConfig config =
        WallOptions.parse(
                "--port=0",
                "--data=" + data,
                "--token=soak",
                "--generator",
                "--rate=" + rate,
                "--accounts=" + accounts,
                "--lifetime=24h")
            .config();
    MovedClock clock = new MovedClock(speed);
    Wall wall = Wall.start(config, clock);
    Thread window = new Thread(() -> SoakWindow.show(wall, config), "soak-window");
    window.start();
    startCountingFrames();
    awaitFirstFrame();
    TimeUnit.SECONDS.sleep(
        warmup); // the JIT's and the table's first minutes are not what weeks look like
    System.out.printf(
        "%d s of real time, %s of the wall's (%.0f times as fast), %,d orders/s to %,d accounts, JDK %s%n",
        seconds, simulated, speed, rate, accounts, Runtime.version());
    System.out.printf(
        "%8s %10s %14s %8s %10s %8s %8s%n",
        "real s", "wall's day", "heap after GC", "threads", "open files", "frames/s", "live");
    long start = System.nanoTime();
    long lastFrames = frames.get();
    long lastNanos = start;
    for (int i = 1; i <= seconds / sampleSeconds; i++) {
      TimeUnit.NANOSECONDS.sleep(
          start + TimeUnit.SECONDS.toNanos((long) i * sampleSeconds) - System.nanoTime());
      Sample sample = sample(start, clock, wall, lastFrames, lastNanos);
      lastFrames = frames.get();
      lastNanos = System.nanoTime();
      samples.add(sample);
      System.out.printf(
          "%8.0f %10.2f %11.1f MB %8d %10d %8.1f %8d%n",
          sample.seconds(),
          sample.wallDays(),
          sample.heapMb(),
          sample.threads(),
          sample.openFiles(),
          sample.framesPerSecond(),
          sample.live());
    }
    report(Sample::heapMb, "heap after GC, MB");
    report(Sample::threads, "threads");
    report(Sample::openFiles, "open files");
    report(Sample::framesPerSecond, "frames/s");
    Platform.exit(); // the window's stop closes the wall
    window.join(TimeUnit.SECONDS.toMillis(30));
    ApiLoadHarness.deleteTree(data);
  }

  /** "7d", "36h", "90m" or "45s". */
  private static Duration duration(String text) {
    Matcher matcher = Pattern.compile("(\\d+)([dhms])").matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "--simulated takes a duration such as 7d, 36h, 90m or 45s, was " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "d" -> Duration.ofDays(amount);
      case "h" -> Duration.ofHours(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private void awaitFirstFrame() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (frames.get() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the window showed no frame within 120 s");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Starts an AnimationTimer once JavaFX is up: it counts the pulses. */
  private void startCountingFrames() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        Platform.runLater(
            () ->
                new AnimationTimer() {
                  @Override
                  public void handle(long now) {
                    frames.incrementAndGet();
                  }
                }.start());
        return;
      } catch (IllegalStateException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("JavaFX did not start within 60 s", notYet);
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
  }

  private Sample sample(long start, MovedClock clock, Wall wall, long lastFrames, long lastNanos) {
    System.gc(); // heap after a full GC: what is kept, not what waits to be collected
    long now = System.nanoTime();
    UnixOperatingSystemMXBean os =
        (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Sample(
        (now - start) / 1e9,
        Duration.between(clock.origin, clock.instant()).toMillis() / 86_400_000.0,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6,
        ManagementFactory.getThreadMXBean().getThreadCount(),
        os.getOpenFileDescriptorCount(),
        (frames.get() - lastFrames) / ((now - lastNanos) / 1e9),
        wall.supervisor().count());
  }

  /**
   * Prints a series' mean, its slope per hour with the slope's standard error, and whether it is
   * flat.
   */
  private void report(ToDoubleFunction<Sample> series, String name) {
    int n = samples.size();
    if (n < 3) {
      System.out.printf("%-18s too few samples for a slope (%d)%n", name, n);
      return;
    }
    double meanX = samples.stream().mapToDouble(Sample::seconds).average().orElseThrow();
    double meanY = samples.stream().mapToDouble(series).average().orElseThrow();
    double sxx = 0;
    double sxy = 0;
    for (Sample s : samples) {
      sxx += (s.seconds() - meanX) * (s.seconds() - meanX);
      sxy += (s.seconds() - meanX) * (series.applyAsDouble(s) - meanY);
    }
    double slope = sxy / sxx;
    double residuals = 0;
    for (Sample s : samples) {
      double fitted = meanY + slope * (s.seconds() - meanX);
      residuals += Math.pow(series.applyAsDouble(s) - fitted, 2);
    }
    double standardError = Math.sqrt(residuals / (n - 2) / sxx);
    double span = samples.get(n - 1).seconds() - samples.get(0).seconds();
    boolean flat =
        Math.abs(slope) <= 2 * standardError
            || Math.abs(slope * span) < FLAT_SHARE * Math.abs(meanY);
    System.out.printf(
        "%-18s mean %10.1f, slope %+10.3f ± %.3f per hour, %s%n",
        name, meanY, slope * 3_600, standardError * 3_600, flat ? "flat within noise" : "NOT flat");
  }

  private record Sample(
      double seconds,
      double wallDays,
      double heapMb,
      int threads,
      long openFiles,
      double framesPerSecond,
      int live) {}

  /** A clock that runs {@code speed} times as fast as the real one, from now. Thread-safe. */
  private static final class MovedClock extends Clock {
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final double speed;

    MovedClock(double speed) {
      this.speed = speed;
    }

    @Override
    public Instant instant() {
      return origin.plusNanos((long) ((System.nanoTime() - originNanos) * speed));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the soak's clock is in UTC");
    }
  }
}
