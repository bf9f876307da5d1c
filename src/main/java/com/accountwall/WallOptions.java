package com.accountwall;

import com.accountwall.files.SettingsFile;
import com.accountwall.kafka.KafkaSettings;
import com.accountwall.kafka.WallId;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.store.AccountDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The wall's options, as {@link Launcher} reads them from the command line. */
public final class WallOptions {
  private static final Pattern BROKER = Pattern.compile("[^:,\\s]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}");

  @Option(names = "--headless", description = "Run without a window: the core, the API and, if asked, the generator.")
  boolean headless;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port of the order API; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address the order API listens on. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data folder: the embedded database, the generated API token and the saved settings; "
          + "one running wall at a time. Default: a per-user folder.")
  Path data;

  @Option(names = "--lifetime", defaultValue = "24h", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long an account stays after its last order: 24h, 30s, 5m, PT5M; 1ms to 3650d. "
          + "Default: ${DEFAULT-VALUE}, or as saved.")
  Duration lifetime;

  @Option(names = "--generator", negatable = true,
      description = "Start simulated orders (--no-generator: don't). Default: on with a window, off headless.")
  Boolean generator;

  @Option(names = "--rate", defaultValue = "10", paramLabel = "N",
      description = "Simulated orders per second. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--accounts", defaultValue = "500", paramLabel = "N",
      description = "How many account ids (1 to N) simulated orders draw from. Default: ${DEFAULT-VALUE}.")
  int accounts;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulated orders, for a demo that repeats.")
  Long seed;

  @Option(names = "--token", defaultValue = "${env:ACCOUNT_WALL_TOKEN}", paramLabel = "TOKEN",
      description = "Bearer token of the order API (or the environment variable ACCOUNT_WALL_TOKEN). "
          + "Default: one generated on first start and kept in the data folder.")
  String token;

  @Option(names = "--db-url", paramLabel = "JDBC_URL",
      description = "Database to keep the wall in, such as jdbc:postgresql://host/wall?user=... "
          + "With --kafka, only the account names come from it. Default: the embedded SQLite database in the data folder.")
  String dbUrl;

  @Option(names = "--kafka", split = ",", paramLabel = "HOST:PORT",
      description = "Cluster mode: keep orders in a Kafka topic shared by several walls, at these brokers "
          + "(HOST:PORT[,HOST:PORT...]). Default: the embedded database, one wall.")
  List<String> kafka;

  @Option(names = "--topic", defaultValue = KafkaSettings.DEFAULT_TOPIC, paramLabel = "TOPIC",
      description = "The Kafka topic of the orders, with --kafka. Default: ${DEFAULT-VALUE}.")
  String topic;

  @Option(names = "--wall-id", paramLabel = "ID",
      description = "This wall's name among the walls of a cluster, unique to it and the same on every run "
          + "(1 to 100 letters, digits, '.', '_', '-'). Default: one made on first start and kept in the data folder.")
  String wallId;

  @Option(names = "--kiosk",
      description = "Open full screen without the demo controls, hide the idle mouse and page through the accounts. "
          + "F11 toggles it, Esc leaves it.")
  boolean kiosk;

  @Option(names = "--screen", defaultValue = "0", paramLabel = "N",
      description = "Screen to open on, from 0 (the primary screen). Default: ${DEFAULT-VALUE}, or as saved.")
  int screen;

  @Option(names = "--theme", defaultValue = "dark", paramLabel = "THEME", converter = ThemeConverter.class,
      description = "dark or light. Default: ${DEFAULT-VALUE}, or as saved.")
  Theme theme;

  @Option(names = "--page-seconds", defaultValue = "" + WallSettings.DEFAULT_PAGE_SECONDS, paramLabel = "N",
      description = "Seconds each page of accounts shows in kiosk mode. Default: ${DEFAULT-VALUE}, or as saved.")
  int pageSeconds;

  /** The options given on the command line, which win over saved settings. */
  private final Set<String> given = new HashSet<>();
  /** Whether the lifetime in force is a saved one, not the default, as a window's demo may have left it. */
  private boolean lifetimeSaved;

  /**
   * Reads the command line.
   *
   * @throws CommandLine.ParameterException naming the option, for anything it cannot read
   */
  public static WallOptions parse(String... args) {
    WallOptions options = new WallOptions();
    CommandLine commandLine = new CommandLine(options);
    commandLine.parseArgs(args);
    options.check(commandLine);
    return options;
  }

  /** The embedded database in the data folder, unless a JDBC URL was given. */
  String databaseUrl() {
    return dbUrl != null ? dbUrl : AccountDatabase.embeddedUrl(dataFolder());
  }

  /** The Kafka cluster of cluster mode, or null for a single wall on its embedded database. */
  KafkaSettings kafkaSettings() {
    return kafka == null ? null : new KafkaSettings(kafka, topic);
  }

  /** Whether simulated orders start: as asked, else on with a window and off headless. */
  boolean generatorOnStart() {
    return generator != null ? generator : !headless;
  }

  /** The data folder: as given, else a per-user folder as the platform has it. */
  Path dataFolder() {
    if (data != null) {
      return data;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.contains("win")) {
      String local = System.getenv("LOCALAPPDATA");
      return (local != null ? Path.of(local) : home).resolve("AccountWall");
    }
    if (os.contains("mac")) {
      return home.resolve("Library/Application Support/Account Wall");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("account-wall");
  }

  /** Whether the window opens in kiosk mode. */
  public boolean kiosk() {
    return kiosk;
  }

  /** The settings in force: those given on the command line, else as saved, else the defaults. */
  public WallSettings settings() {
    return new WallSettings(theme, rate, lifetime, pageSeconds, screen);
  }

  /** Takes each of {@code saved} that the command line did not give. */
  void preferSaved(WallSettings saved) {
    if (!given.contains("--theme")) {
      theme = saved.theme();
    }
    if (!given.contains("--rate")) {
      rate = saved.rate();
    }
    if (!given.contains("--lifetime")) {
      lifetimeSaved = !saved.lifetime().equals(lifetime);
      lifetime = saved.lifetime();
    }
    if (!given.contains("--page-seconds")) {
      pageSeconds = saved.pageSeconds();
    }
    if (!given.contains("--screen")) {
      screen = saved.screen();
    }
  }

  /**
   * The lifetime in force and where it came from, for the start line: {@code 24h (default)},
   * {@code 30s (--lifetime)}, {@code 2m (saved in settings.properties)}.
   */
  String describeLifetime() {
    String origin = given.contains("--lifetime") ? "--lifetime"
        : lifetimeSaved ? "saved in " + SettingsFile.NAME
        : "default";
    return shortForm(lifetime) + " (" + origin + ")";
  }

  /** A duration as {@code --lifetime} takes it, in its largest whole unit up to hours: 24h, 90s, 250ms. */
  static String shortForm(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1_000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1_000;
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** Checks what picocli cannot, ranges, and notes which options were given. */
  void check(CommandLine commandLine) {
    if (commandLine.getParseResult() != null) {
      commandLine.getParseResult().matchedOptions().forEach(option -> given.add(option.longestName()));
    }
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(commandLine, "--port must be from 0 to 65535, was " + port);
    }
    try {
      WallSettings.checkRate(rate);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--rate: " + e.getMessage());
    }
    if (kafka != null) {
      for (String broker : kafka) {
        if (!BROKER.matcher(broker).matches()) {
          throw new CommandLine.ParameterException(commandLine, "--kafka takes HOST:PORT[,HOST:PORT...], got '" + broker + "'");
        }
      }
    }
    if (topic.isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--topic must not be empty");
    }
    if (wallId != null) {
      try {
        WallId.requireValid(wallId);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, "--wall-id: " + e.getMessage());
      }
    }
    if (accounts < 1) {
      throw new CommandLine.ParameterException(commandLine, "--accounts must be at least 1, was " + accounts);
    }
    if (screen < 0) {
      throw new CommandLine.ParameterException(commandLine, "--screen must be 0 or more, was " + screen);
    }
    if (pageSeconds < 1) {
      throw new CommandLine.ParameterException(commandLine, "--page-seconds must be at least 1, was " + pageSeconds);
    }
  }

  /** Reads a lifetime: "30s", "5m", "5min", "24h", "2d", "250ms" or an ISO-8601 duration such as "PT5M". */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

    @Override
    public Duration convert(String text) {
      String trimmed = text.strip().toLowerCase(Locale.ROOT);
      Matcher shortForm = SHORT.matcher(trimmed);
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
        throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; write it like 30s, 5m, 24h or PT5M");
      }
      try {
        return WallSettings.checkLifetime(duration);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage() + ", was '" + text + "'");
      }
    }
  }

  /** Reads {@code dark} or {@code light}. */
  static final class ThemeConverter implements ITypeConverter<Theme> {
    @Override
    public Theme convert(String text) {
      try {
        return Theme.of(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
