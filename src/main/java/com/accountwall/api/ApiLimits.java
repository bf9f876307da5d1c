package com.accountwall.api;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How much of the machine one client may hold: the open connections the API keeps at most, how long
 * a request may take to arrive once its first byte has, and how long a keep-alive connection may
 * wait for its next request. Without them a few clients that send half a request, or open
 * connections and say nothing, hold the API's resources for as long as they like.
 *
 * <p>Immutable.
 *
 * @param maxConnections open connections past which a new one is answered 503 and closed
 * @param requestReadLimit from a request's first byte to its last (headers and body)
 * @param idleTimeout how long a connection may wait for a request before it is closed
 */
public record ApiLimits(int maxConnections, Duration requestReadLimit, Duration idleTimeout) {
  /**
   * Descriptors left for everything else in the process (the database, Kafka's sockets, jars,
   * logs), or a quarter of them under a small limit such as 1,024.
   */
  private static final int DESCRIPTORS_KEPT = 1_000;

  public ApiLimits {
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, was " + maxConnections);
    }
    if (requestReadLimit.isNegative()
        || requestReadLimit.isZero()
        || idleTimeout.isNegative()
        || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "time limits must be positive: " + requestReadLimit + ", " + idleTimeout);
    }
  }

  /**
   * 10 s to read a request, 60 s of keep-alive idleness, and as many connections as the process's
   * file-descriptor limit leaves room for (at most 50,000): past that limit the kernel would refuse
   * the accept itself, with no answer, and the wall could not open its own files either.
   */
  public static ApiLimits defaults() {
    long descriptors = 65_536;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      descriptors = unix.getMaxFileDescriptorCount();
    }
    int connections =
        (int)
            Math.max(
                100, Math.min(50_000, descriptors - Math.min(DESCRIPTORS_KEPT, descriptors / 4)));
    return new ApiLimits(connections, Duration.ofSeconds(10), Duration.ofSeconds(60));
  }
}
