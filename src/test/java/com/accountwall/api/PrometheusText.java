package com.accountwall.api;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code GET /metrics} answers, the Prometheus text format, as a scraper would. */
public final class PrometheusText {
  /** A sample line of the Prometheus text format: a name, labels perhaps, and a value. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (-?[0-9.]+(?:E-?[0-9]+)?|NaN|[+-]Inf)");

  private PrometheusText() {}

  /** Whether {@code line} is a line of the format: a help or type comment, or a sample. */
  public static boolean isLine(String line) {
    return line.startsWith("# HELP ")
        || line.startsWith("# TYPE ")
        || SAMPLE.matcher(line).matches();
  }

  /** Each sample of {@code text} by its name and labels, as written: {@code name{label="x"}}. */
  public static Map<String, Double> samples(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.matches()) {
        String value = sample.group(2);
        samples.put(
            sample.group(1),
            value.equals("+Inf")
                ? Double.POSITIVE_INFINITY
                : value.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value));
      }
    }
    return samples;
  }
}
