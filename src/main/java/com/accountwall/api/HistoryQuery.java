package com.accountwall.api;

import com.accountwall.journal.HistoryStep;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The question of {@code GET /api/history?from=…&to=…&step=…}: {@code from} and {@code to} as
 * ISO-8601 instants ({@code 2026-11-24T09:00:00Z}), {@code step} as an ISO-8601 duration of whole
 * minutes ({@code PT1M}, {@code PT15M}, {@code PT1H}). Each may be left out: {@code to} is then the
 * end of the current minute, {@code from} 24 hours before {@code to}, and {@code step} one minute,
 * which asks for the last day minute by minute, as the wall's own figures show it. Anything else in
 * the query is refused, naming the parameter.
 *
 * <p>Immutable.
 */
record HistoryQuery(Instant from, Instant to, Duration step) {
  static final Duration DEFAULT_SPAN = Duration.ofHours(24);
  static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

  /**
   * Reads a raw (still percent-encoded, its escapes well-formed) query string, or null for none.
   *
   * @param now the time the defaults are counted from
   * @throws ApiException 400 naming the parameter that is unknown, repeated or unreadable
   */
  static HistoryQuery parse(String rawQuery, Instant now) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        if (!List.of("from", "to", "step").contains(name)) {
          throw ApiException.badRequest(
              "'" + name + "' is not a parameter of /api/history: it takes from, to and step");
        }
        if (values.put(name, decode(equals < 0 ? "" : pair.substring(equals + 1))) != null) {
          throw ApiException.badRequest(name + " is given twice; give it once");
        }
      }
    }
    Instant to =
        values.containsKey("to")
            ? instant(values.get("to"), "to")
            : Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 60) * 60 + 60);
    Instant from =
        values.containsKey("from") ? instant(values.get("from"), "from") : to.minus(DEFAULT_SPAN);
    Duration step = values.containsKey("step") ? duration(values.get("step")) : DEFAULT_STEP;
    return new HistoryQuery(from, to, step);
  }

  /**
   * The steps as JSON: {@code [{"start": "2026-11-24T09:00:00Z", "orders": 3, "widgets": 7}, …]}.
   */
  static Answer json(List<HistoryStep> steps) {
    return Answer.json(
        200,
        steps.stream()
            .map(s -> new StepView(s.start().toString(), s.orders(), s.widgets()))
            .toList());
  }

  /** The steps as CSV (RFC 4180), a header line first: {@code start,orders,widgets}. */
  static Answer csv(List<HistoryStep> steps) {
    StringBuilder csv =
        new StringBuilder(32 * (steps.size() + 1)).append("start,orders,widgets\r\n");
    for (HistoryStep step : steps) {
      csv.append(step.start())
          .append(',')
          .append(step.orders())
          .append(',')
          .append(step.widgets())
          .append("\r\n");
    }
    return Answer.text(200, csv.toString(), "text/csv; charset=utf-8; header=present");
  }

  /** One step as the API shows it; the field order is the documented one. */
  record StepView(String start, long orders, long widgets) {}

  /**
   * Percent-decodes a name or value; its escapes are well-formed, as the request target parsed as a
   * URI.
   */
  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static Instant instant(String value, String name) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 instant such as 2026-11-24T09:00:00Z, was '" + value + "'");
    }
  }

  private static Duration duration(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "step must be an ISO-8601 duration of whole minutes such as PT1M, PT15M or PT1H, was '"
              + value
              + "'");
    }
  }
}
