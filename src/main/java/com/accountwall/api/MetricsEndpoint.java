package com.accountwall.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the API serves on {@code GET /metrics}, and who may read it: with a token, requests that
 * carry it as {@code Authorization: Bearer <token>}, from anywhere; without one, requests from
 * loopback only, as meters say much about the business to anyone who can reach the port. The order
 * API records its own meters in {@code registry}.
 *
 * <p>Immutable; {@code scrape} is called on the API's event loops, any number at once, so it must
 * be thread-safe.
 *
 * @param registry where the API records orders accepted and refused and their latency
 * @param scrape every meter as text of {@code contentType}
 * @param contentType the media type of the text, such as Prometheus text 0.0.4
 * @param token the bearer token {@code /metrics} asks for; null or blank for loopback only
 */
public record MetricsEndpoint(
    MeterRegistry registry, Supplier<String> scrape, String contentType, String token) {

  public MetricsEndpoint {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(scrape, "scrape");
    Objects.requireNonNull(contentType, "contentType");
    token = token == null || token.isBlank() ? null : token.strip();
  }

  @Override
  public String toString() {
    return "MetricsEndpoint[" + (token == null ? "loopback only" : "token") + "]";
  }
}
