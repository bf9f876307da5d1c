package com.accountwall.metrics;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * The wall's meters: a Prometheus registry with the JVM's meters bound (heap and other memory
 * pools, GC pauses, threads, class loading, processor and uptime), and the live accounts followed
 * from the {@link AccountSupervisor}. Other parts record their own meters in {@link #registry()}:
 * the order API its orders and acknowledgement latency, the journal's writer its commits and
 * backlog. The window, when there is one, hands its pulses to {@link #followWindow()}. {@link
 * #scrape()} writes them all in the Prometheus text format.
 *
 * <p>Meter names are Micrometer's dotted ones ({@code account.wall.accounts.live}); the registry
 * writes them the Prometheus way ({@code account_wall_accounts_live}, counters with {@code
 * _total}).
 *
 * <p>Thread-safe: the registry and its meters may be used from any thread; {@link #follow} once, at
 * start, {@link #followWindow} once, as the window opens, and {@link #close} once, at stop.
 */
public final class WallMetrics implements AutoCloseable {
  /**
   * The media type of {@link #scrape()}: Prometheus text, version 0.0.4, which every Prometheus
   * scrapes (the registry's PrometheusTextFormatWriter.CONTENT_TYPE, a runtime-only dependency).
   */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Listens to the JVM's GC notifications, which it stops hearing only when closed.
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** A registry with the JVM's meters bound. */
  public WallMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Where the wall's parts record their meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Follows {@code supervisor}: a gauge of its live accounts (read from {@link
   * AccountSupervisor#count()} at each scrape) and a counter of the accounts that ended, by cause:
   * {@code expiry} when the account's deadline had passed by {@code clock} (the wall's), {@code
   * request} when it was ended before it.
   */
  public void follow(AccountSupervisor supervisor, Clock clock) {
    Gauge.builder("account.wall.accounts.live", supervisor, AccountSupervisor::count)
        .description("accounts live on the wall now")
        .register(registry);
    Counter expired =
        ended("expiry", "accounts that ended as their lifetime passed without orders");
    Counter requested = ended("request", "accounts ended on request before their deadline");
    supervisor.addListener(
        new AccountListener() {
          // The listener says only that an account ended; its deadline says why. A counter's
          // increment is a few nanoseconds, cheap enough for the expiry ticker's thread.
          @Override
          public void accountEnded(Account account) {
            (account.expiresAt().isAfter(clock.instant()) ? requested : expired).increment();
          }
        });
  }

  /**
   * Registers the window's meters, its frame times and pulse rate, and returns what the window
   * hands each pulse to. Call it once, as the window opens, on any thread; a wall without a window
   * never calls it, and its scrape has no window meters at all (see {@link WindowMeters}).
   */
  public WindowMeters followWindow() {
    return new WindowMeters(registry, System::nanoTime);
  }

  private Counter ended(String cause, String description) {
    return Counter.builder("account.wall.accounts.ended")
        .tag("cause", cause)
        .description(description)
        .register(registry);
  }

  /** Every meter, in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape(CONTENT_TYPE);
  }

  /** Stops listening to the JVM's GC and closes the registry; a second call does nothing. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
