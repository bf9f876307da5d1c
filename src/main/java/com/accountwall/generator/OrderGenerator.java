package com.accountwall.generator;

import com.accountwall.core.DaemonThreads;
import com.accountwall.core.Order;
import com.accountwall.core.OrderSink;
import com.accountwall.settings.WallSettings;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Simulated orders, the wall's order source when no real feed is attached: one widget at a time, at
 * a steady {@linkplain #setRate rate}, for ids drawn from a pool of accounts with a Zipf skew. The
 * same seed gives the same sequence of ids, for reproducible demos.
 *
 * <p>It paces itself against its ticker rather than sleeping per order, so it keeps the rate at
 * hundreds of thousands of orders a second as well as at one; after a stall it catches up by at
 * most one second's worth. Each tick's orders go out as one batch ({@link OrderBatches}), so the
 * order journal takes them in one commit without the generator waiting for it. Orders the sink
 * rejects are logged (at most every {@value #REJECTIONS_LOGGED_EVERY_SECONDS} s) and the generator
 * goes on.
 *
 * <p><b>Thread safety:</b> the control methods may be called from any thread; orders are sent from
 * the generator's own daemon thread.
 */
public final class OrderGenerator implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OrderGenerator.class.getName());
  private static final long TICK_MILLIS = 10;
  private static final double NANOS_PER_SECOND = 1e9;

  private static final long REJECTIONS_LOGGED_EVERY_SECONDS = 10;

  private final OrderBatches sink;
  private final ZipfIds ids;
  private final LongSupplier ticker;
  private ScheduledExecutorService thread;

  private volatile double rate;
  private volatile boolean running;

  // Owned by whoever calls tick(): the generator thread, or a test.
  private long lastTick;
  private double owed;
  private volatile long rejectionLoggedAt = Long.MIN_VALUE;

  /**
   * Where the generator's orders go: one tick's orders at once, without waiting for them to be
   * stored. The order journal's {@code place} is one.
   */
  @FunctionalInterface
  public interface OrderBatches {
    /** Takes the orders; the future fails if they are rejected, and may complete later. */
    CompletableFuture<?> place(List<Order> orders);
  }

  private OrderGenerator(Builder builder) {
    this.sink = builder.sink;
    this.ids = new ZipfIds(builder.poolSize, builder.skew, builder.seed);
    this.ticker = builder.ticker;
    setRate(builder.rate);
    this.lastTick = ticker.getAsLong();
  }

  /** A generator that sends each tick's orders to {@code sink} as one batch. */
  public static Builder builder(OrderBatches sink) {
    return new Builder(sink);
  }

  /**
   * A generator that sends its orders to {@code sink} one by one, as they come (the core's
   * supervisor, in tests).
   */
  public static Builder builder(OrderSink sink) {
    Objects.requireNonNull(sink, "sink");
    return new Builder(
        orders -> {
          RuntimeException first = null;
          for (Order order : orders) {
            try {
              sink.order(order.accountId(), order.quantity());
            } catch (RuntimeException e) {
              first = first == null ? e : first; // the others still go out, as each stands alone
            }
          }
          return first == null
              ? CompletableFuture.completedFuture(null)
              : CompletableFuture.failedFuture(first);
        });
  }

  /** Starts the generator thread, sending orders from now on. Calling it again does nothing. */
  public synchronized void start() {
    if (thread == null) {
      thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("order-generator"));
      var unused =
          thread.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
    resume();
  }

  /** Stops sending orders until {@link #resume()}; orders not sent while paused are not owed. */
  public void pause() {
    running = false;
  }

  public void resume() {
    running = true;
  }

  public boolean isRunning() {
    return running;
  }

  public double rate() {
    return rate;
  }

  /**
   * Orders per second; takes effect at the next tick.
   *
   * @throws IllegalArgumentException if {@link WallSettings#checkRate} refuses it
   */
  public void setRate(double ordersPerSecond) {
    rate = WallSettings.checkRate(ordersPerSecond);
  }

  /** Sends the orders due since the last tick. */
  void tick() {
    long now = ticker.getAsLong();
    double elapsedSeconds = (now - lastTick) / NANOS_PER_SECOND;
    lastTick = now;
    if (!running) {
      owed = 0;
      return;
    }
    double currentRate = rate;
    owed = Math.min(owed + elapsedSeconds * currentRate, Math.max(currentRate, 1));
    long due = (long) owed;
    owed -= due;
    if (due == 0) {
      return;
    }
    List<Order> orders = new ArrayList<>((int) Math.min(due, Integer.MAX_VALUE));
    for (long i = 0; i < due; i++) {
      orders.add(new Order(ids.next(), 1));
    }
    try {
      var unused =
          sink.place(orders)
              .whenComplete(
                  (placed, failure) -> {
                    if (failure != null) {
                      rejected(failure);
                    }
                  });
    } catch (RuntimeException e) {
      rejected(e);
    }
  }

  /**
   * Logs a rejection, unless one was logged in the last few seconds: a journal that refuses refuses
   * every tick.
   */
  private void rejected(Throwable failure) {
    long now = ticker.getAsLong();
    long last = rejectionLoggedAt;
    if (last == Long.MIN_VALUE
        || now - last >= TimeUnit.SECONDS.toNanos(REJECTIONS_LOGGED_EVERY_SECONDS)) {
      rejectionLoggedAt = now;
      LOG.log(Level.WARNING, "simulated orders are rejected: " + failure.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      thread.shutdownNow();
    }
  }

  /** Configures an {@link OrderGenerator}; every setting but the sink has a default. */
  public static final class Builder {
    private final OrderBatches sink;
    private double rate = 10;
    private int poolSize = 500;
    private double skew = 1.1;
    private long seed = System.nanoTime();
    private LongSupplier ticker = System::nanoTime;

    private Builder(OrderBatches sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Orders per second; 10 by default.
     *
     * @throws IllegalArgumentException if {@link WallSettings#checkRate} refuses it
     */
    public Builder rate(double ordersPerSecond) {
      this.rate = WallSettings.checkRate(ordersPerSecond);
      return this;
    }

    /** How many account ids orders are drawn from (ids 1 to poolSize); 500 by default. */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /**
     * The Zipf exponent: 0 spreads orders evenly, higher favours a few accounts; 1.1 by default.
     */
    public Builder skew(double skew) {
      this.skew = skew;
      return this;
    }

    /** The seed of the id sequence; random by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The nanosecond time source that paces the orders; tests pass one they move by hand. */
    public Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    public OrderGenerator build() {
      return new OrderGenerator(this);
    }
  }
}
