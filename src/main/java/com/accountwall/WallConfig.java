package com.accountwall;

import com.accountwall.core.AccountProfile;
import com.accountwall.day.WallDay;
import com.accountwall.kafka.KafkaSettings;
import com.accountwall.kafka.WallId;
import com.accountwall.settings.DurationText;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.WallSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one wall runs, as {@link WallOptions} read it from the command line and the saved settings:
 * what {@link Wall} and the window are started with. Each value is checked when the record is
 * built, so a wall never starts from one it cannot run with. Immutable.
 *
 * @param headless whether it runs without a window
 * @param bind the address the order API listens on
 * @param port the order API's port, from 0 (a free one) to 65535
 * @param dataFolder the folder of the embedded database, the token and the settings
 * @param databaseUrl the JDBC URL of the database the wall is kept in
 * @param kafka the Kafka brokers of cluster mode, as {@code HOST:PORT}; empty for a single wall
 * @param topic the Kafka topic of the orders, in cluster mode
 * @param wallId this wall's name among the walls of a cluster; null for the one kept in the data
 *     folder
 * @param token the API's bearer token; null for the one kept in the data folder
 * @param settings what the wall remembers, in force as it starts: the theme, the simulated orders,
 *     the lifetime, kiosk mode and paging, the screen, the goal, the schedule and the team shown
 * @param lifetimeSource where the lifetime in force came from, for the start line: {@code
 *     --lifetime}, {@code saved in settings.properties} or {@code default}
 * @param retention how long the order history is kept, at least the lifetime
 * @param accounts how many account ids (1 to this) simulated orders draw from
 * @param seed the seed of the simulated orders; null for a random one
 * @param tlsCertificate the PEM certificate chain the API serves HTTPS with; null for plain HTTP
 * @param tlsKey the PEM private key of {@code tlsCertificate}; null for plain HTTP
 * @param tokensFile a file of named API tokens, one per order system, read again when it changes;
 *     null for the one {@code token}
 * @param staleAfter how long the window waits for an order before its banner says none came; {@link
 *     Duration#ZERO} for never
 * @param metricsToken the bearer token of {@code GET /metrics}; null for none, when it answers
 *     requests from loopback only
 * @param day the wall's day: its time zone, when each day starts and where the goal's pace runs to
 * @param burnInShift whether the window shifts by a few pixels every few minutes against burn-in
 * @param importAccounts an accounts file (CSV) whose names and teams the start stores before the
 *     wall restores its accounts; null for none
 * @param bigOrder the fewest widgets in one order that the window celebrates as a big order; 0 for
 *     none
 * @param sound whether the window plays a chime with each celebration
 * @param locale the window's language (English where it has none of its own) and how it writes
 *     numbers and times; the API, the logs and the command line stay in English
 */
public record WallConfig(
    boolean headless,
    String bind,
    int port,
    Path dataFolder,
    String databaseUrl,
    List<String> kafka,
    String topic,
    String wallId,
    String token,
    WallSettings settings,
    String lifetimeSource,
    Duration retention,
    int accounts,
    Long seed,
    Path tlsCertificate,
    Path tlsKey,
    Path tokensFile,
    Duration staleAfter,
    String metricsToken,
    WallDay day,
    boolean burnInShift,
    Path importAccounts,
    long bigOrder,
    boolean sound,
    Locale locale) {

  /**
   * How long the order history is kept unless told otherwise (or the lifetime, when that is
   * longer).
   */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /**
   * As long as a lifetime may be: far beyond any use, and far from where times in milliseconds
   * overflow.
   */
  public static final Duration MAX_RETENTION = WallSettings.MAX_LIFETIME;

  /** How long the window waits for an order before its banner says none came, unless told. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(15);

  private static final Pattern BROKER =
      Pattern.compile("[^:,\\s]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}");

  /**
   * @throws NullPointerException if {@code bind}, {@code dataFolder}, {@code databaseUrl}, {@code
   *     topic}, {@code settings}, {@code lifetimeSource}, {@code retention}, {@code staleAfter},
   *     {@code day} or {@code locale} is null
   * @throws InvalidValueException naming the value and saying what it was: if {@code port} is not
   *     from 0 to 65535; a broker in {@code kafka} is not {@code HOST:PORT}; {@code topic} is
   *     blank; {@code wallId} is not 1 to 100 letters, digits, '.', '_' or '-'; the settings' rate
   *     is negative or not finite, their lifetime outside {@link WallSettings#checkLifetime}'s
   *     bounds, their paging interval outside {@link WallSettings#checkPageSeconds}'s or their
   *     screen negative; {@code retention} is shorter than the lifetime or longer than {@link
   *     #MAX_RETENTION}; {@code accounts} is under 1; only one of {@code tlsCertificate} and {@code
   *     tlsKey} is given; or {@code staleAfter} is outside {@link #checkStaleAfter}'s bounds
   */
  public WallConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(dataFolder, "dataFolder");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    kafka = List.copyOf(kafka);
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(lifetimeSource, "lifetimeSource");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(staleAfter, "staleAfter");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(locale, "locale");
    metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
    if (bigOrder < 0) {
      throw new InvalidValueException(
          "big-order", " must be 0 (none) or 1 or more widgets, was " + bigOrder);
    }
    if (port < 0 || port > 65_535) {
      throw new InvalidValueException("port", " must be from 0 to 65535, was " + port);
    }
    for (String broker : kafka) {
      if (!BROKER.matcher(broker).matches()) {
        throw new InvalidValueException(
            "kafka", " takes HOST:PORT[,HOST:PORT...], got '" + broker + "'");
      }
    }
    if (topic.isBlank()) {
      throw new InvalidValueException("topic", " must not be empty");
    }
    if (wallId != null) {
      check("wall-id", () -> WallId.requireValid(wallId));
    }
    check("rate", () -> WallSettings.checkRate(settings.rate()));
    check("lifetime", () -> WallSettings.checkLifetime(settings.lifetime()));
    check("page-seconds", () -> WallSettings.checkPageSeconds(settings.pageSeconds()));
    if (settings.goal() != WallSettings.NO_GOAL) {
      check("goal", () -> WallSettings.checkGoal(settings.goal()));
    }
    if (settings.team() != null) {
      check("team", () -> AccountProfile.checkText(settings.team()));
    }
    if (settings.screen() < 0) {
      throw new InvalidValueException("screen", " must be 0 or more, was " + settings.screen());
    }
    if (retention.compareTo(settings.lifetime()) < 0) {
      throw new InvalidValueException(
          "retention",
          " must be at least the lifetime, "
              + describeLifetime(settings, lifetimeSource)
              + ", was "
              + DurationText.format(retention));
    }
    if (retention.compareTo(MAX_RETENTION) > 0) {
      throw new InvalidValueException(
          "retention", " must be at most 3650 days, was " + DurationText.format(retention));
    }
    if (accounts < 1) {
      throw new InvalidValueException("accounts", " must be at least 1, was " + accounts);
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw new InvalidValueException(
          tlsKey == null ? "tls-key" : "tls-cert",
          " must be given with --"
              + (tlsKey == null ? "tls-cert" : "tls-key")
              + ": HTTPS needs the certificate and its key");
    }
    if (staleAfter.isNegative() || staleAfter.compareTo(MAX_RETENTION) > 0) {
      throw new InvalidValueException(
          "stale-after",
          " must be 0 (never) or up to 3650 days, was " + DurationText.format(staleAfter));
    }
  }

  /**
   * Checks how long the window may go without an order before it says so: {@link Duration#ZERO}
   * (never) or up to {@link #MAX_RETENTION}.
   *
   * @return {@code staleAfter}
   * @throws IllegalArgumentException saying the bounds, if it is negative or longer
   */
  public static Duration checkStaleAfter(Duration staleAfter) {
    if (staleAfter.isNegative() || staleAfter.compareTo(MAX_RETENTION) > 0) {
      throw new IllegalArgumentException("a stale-after must be 0 (never) or up to 3650 days");
    }
    return staleAfter;
  }

  /** How long an account stays after its last order. */
  public Duration lifetime() {
    return settings.lifetime();
  }

  /** Simulated orders per second. */
  public double rate() {
    return settings.rate();
  }

  /** Whether simulated orders start with the wall: as chosen, else on with a window only. */
  public boolean generatorOnStart() {
    return settings.generatorRuns(headless);
  }

  /** Whether the window opens in kiosk mode. */
  public boolean kiosk() {
    return settings.kiosk();
  }

  /** When the window is awake; {@link Schedule#ALWAYS} for all the time. */
  public Schedule schedule() {
    return settings.schedule();
  }

  /** The Kafka cluster of cluster mode, or null for a single wall on its database. */
  public KafkaSettings kafkaSettings() {
    return kafka.isEmpty() ? null : new KafkaSettings(kafka, topic);
  }

  /**
   * The lifetime in force and where it came from, for the start line: {@code 24h (default)}, {@code
   * 30s (--lifetime)}, {@code 2m (saved in settings.properties)}.
   */
  public String describeLifetime() {
    return describeLifetime(settings, lifetimeSource);
  }

  private static String describeLifetime(WallSettings settings, String lifetimeSource) {
    return DurationText.format(settings.lifetime()) + " (" + lifetimeSource + ")";
  }

  private static void check(String name, Runnable rule) {
    try {
      rule.run();
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(name, ": " + e.getMessage());
    }
  }

  /**
   * A value a wall cannot run with. The message begins with the value's name, which is also the
   * name of the option that sets it without its dashes: "port must be from 0 to 65535, was 70000".
   */
  public static final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String name, String problem) {
      super(name + problem);
    }
  }
}
