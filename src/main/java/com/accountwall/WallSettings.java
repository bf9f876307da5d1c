package com.accountwall;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wall's command-line settings.
 *
 * @param lifetime how long an account stays after its last order
 * @param generator whether simulated orders start with the window
 * @param rate simulated orders per second
 * @param accounts how many account ids the generator draws from
 * @param seed the generator's seed, for a demo that repeats; random when absent
 */
public record WallSettings(Duration lifetime, boolean generator, double rate, int accounts, OptionalLong seed) {

  public static final String USAGE = String.join("\n",
      "Usage: account-wall [options]",
      "  --lifetime=DURATION  how long an account stays after its last order: 24h, 30s, 5m, PT5M (default 24h)",
      "  --rate=N             simulated orders per second (default 10)",
      "  --accounts=N         how many account ids the simulated orders draw from (default 500)",
      "  --seed=N             seed of the simulated orders, for a demo that repeats (default random)",
      "  --no-generator       start with simulated orders paused",
      "  --help               print this and exit");

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

  public static WallSettings defaults() {
    return new WallSettings(Duration.ofHours(24), true, 10, 500, OptionalLong.empty());
  }

  /**
   * Reads {@code --name=value} options over the defaults.
   *
   * @throws IllegalArgumentException naming the option and the value, for anything it cannot read
   */
  public static WallSettings parse(List<String> args) {
    WallSettings settings = defaults();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value = equals < 0 ? null : arg.substring(equals + 1);
      settings = switch (name) {
        case "--lifetime" -> settings.withLifetime(parseDuration(name, required(name, value)));
        case "--rate" -> settings.withRate(parseNumber(name, required(name, value), 0, 10_000_000));
        case "--accounts" -> settings.withAccounts((int) parseNumber(name, required(name, value), 1, 10_000_000));
        case "--seed" -> settings.withSeed(parseSeed(name, required(name, value)));
        case "--generator" -> settings.withGenerator(true);
        case "--no-generator" -> settings.withGenerator(false);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      };
    }
    return settings;
  }

  public static boolean asksForHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  /** Reads "30s", "5m", "5min", "24h", "2d", "250ms" or an ISO-8601 duration such as "PT5M". */
  public static Duration parseDuration(String option, String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT_DURATION.matcher(trimmed);
    Duration duration;
    try {
      if (shortForm.matches()) {
        long amount = Long.parseLong(shortForm.group(1));
        duration = switch (shortForm.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m", "min" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      } else {
        duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a duration; write it like 30s, 5m, 24h or PT5M");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(option + ": the duration must be positive, was '" + text + "'");
    }
    return duration;
  }

  private static String required(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " needs a value, as in " + option + "=...");
    }
    return value;
  }

  private static double parseNumber(String option, String text, double min, double max) {
    double number;
    try {
      number = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      number = Double.NaN;
    }
    if (!(number >= min && number <= max)) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a number from " + (long) min + " to " + (long) max);
    }
    return number;
  }

  private static long parseSeed(String option, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a whole number");
    }
  }

  private WallSettings withLifetime(Duration value) {
    return new WallSettings(value, generator, rate, accounts, seed);
  }

  private WallSettings withGenerator(boolean value) {
    return new WallSettings(lifetime, value, rate, accounts, seed);
  }

  private WallSettings withRate(double value) {
    return new WallSettings(lifetime, generator, value, accounts, seed);
  }

  private WallSettings withAccounts(int value) {
    return new WallSettings(lifetime, generator, rate, value, seed);
  }

  private WallSettings withSeed(long value) {
    return new WallSettings(lifetime, generator, rate, accounts, OptionalLong.of(value));
  }
}
