package com.accountwall.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The order API's meters: orders accepted, order requests refused by reason, and how long an
 * accepted request took from being read to being answered (a histogram, so a scraper can take
 * quantiles across walls and over any window).
 *
 * <p>Thread-safe: every event loop and journal thread records at once; the meters are Micrometer's,
 * and a reason's counter is made once and then found in a concurrent map.
 */
final class OrderMeters {
  private final MeterRegistry registry;
  private final Counter accepted;
  private final Timer acknowledged;
  private final Map<String, Counter> refused = new ConcurrentHashMap<>();

  OrderMeters(MeterRegistry registry) {
    this.registry = registry;
    this.accepted =
        Counter.builder("account.wall.orders.accepted")
            .description("orders made durable and acknowledged (a batch counts each of its orders)")
            .register(registry);
    // Buckets from 1 ms to the acknowledgement timeout: a group commit takes milliseconds, and
    // anything past the timeout is answered 503 and counted as refused instead.
    this.acknowledged =
        Timer.builder("account.wall.orders.acknowledgement")
            .description("time from an order request read to its acknowledgement")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
  }

  /** A request whose {@code orders} orders were made durable, read {@code nanos} ago. */
  void accepted(int orders, long nanos) {
    accepted.increment(orders);
    acknowledged.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A refused order request; a refused batch counts once, as its orders may not have been read.
   *
   * @param reason the {@link #reason} of its refusal
   */
  void refused(String reason) {
    refused
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("account.wall.orders.refused")
                    .tag("reason", r)
                    .description("order requests refused, by reason")
                    .register(registry))
        .increment();
  }

  /**
   * A refusal's reason as the meters name it, from its status, and for a 503 from whether the
   * journal refused it or did not answer in time.
   */
  static String reason(int status, boolean timedOut) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 422 -> "key_reused";
      case 503 -> timedOut ? "timeout" : "unavailable";
      default -> status >= 500 ? "error" : "status_" + status;
    };
  }
}
