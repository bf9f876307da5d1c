package com.accountwall;

import com.accountwall.core.AccountProfile;
import com.accountwall.day.WallDay;
import com.accountwall.files.DataFolders;
import com.accountwall.files.SettingsFile;
import com.accountwall.kafka.KafkaSettings;
import com.accountwall.settings.DurationText;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.store.AccountDatabase;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The wall's command line, as picocli reads it into these fields, and nothing more: what the wall
 * runs with is the {@link WallConfig} it makes of them ({@link #config}), with the saved settings
 * filling in what the command line did not give. Not thread-safe; read it on one thread.
 */
public final class WallOptions {

  @Option(
      names = "--headless",
      description = "Run without a window: the core, the API and, if asked, the generator.")
  boolean headless;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "Port of the order API; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description = "Address the order API listens on. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data folder: the embedded database, the generated API token and the saved settings; "
              + "one running wall at a time. Default: a per-user folder.")
  Path data;

  @Option(
      names = "--lifetime",
      defaultValue = "24h",
      paramLabel = "DURATION",
      converter = LifetimeConverter.class,
      description =
          "How long an account stays after its last order: 24h, 30s, 5m, PT5M; 1ms to 3650d. "
              + "Default: ${DEFAULT-VALUE}, or as saved.")
  Duration lifetime;

  @Option(
      names = "--retention",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long the order history is kept, at least the lifetime: 7d, 30d, PT168H. "
              + "Default: 7d, or the lifetime if that is longer.")
  Duration retention;

  @Option(
      names = "--generator",
      negatable = true,
      description =
          "Start simulated orders (--no-generator: don't). Default: as last switched, else on with a"
              + " window and off headless.")
  Boolean generator;

  @Option(
      names = "--rate",
      defaultValue = "10",
      paramLabel = "N",
      description = "Simulated orders per second. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--accounts",
      defaultValue = "500",
      paramLabel = "N",
      description =
          "How many account ids (1 to N) simulated orders draw from. Default: ${DEFAULT-VALUE}.")
  int accounts;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the simulated orders, for a demo that repeats.")
  Long seed;

  @Option(
      names = "--token",
      defaultValue = "${env:ACCOUNT_WALL_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Bearer token of the order API (or the environment variable ACCOUNT_WALL_TOKEN). "
              + "Default: one generated on first start and kept in the data folder.")
  String token;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "Serve the order API over HTTPS with this PEM certificate chain (with --tls-key); read again when it"
              + " changes.")
  Path tlsCertificate;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "The PEM private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--tokens-file",
      paramLabel = "FILE",
      description =
          "Named API tokens, one 'NAME TOKEN' line per order system, read again when the file changes, so a"
              + " token is added, rotated or revoked without a restart. Replaces --token.")
  Path tokensFile;

  @Option(
      names = "--metrics-token",
      defaultValue = "${env:ACCOUNT_WALL_METRICS_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Bearer token of GET /metrics (or the environment variable ACCOUNT_WALL_METRICS_TOKEN)."
              + " Default: none, and /metrics answers requests from this machine only.")
  String metricsToken;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description =
          "Database to keep the wall in, such as jdbc:postgresql://host/wall?user=... "
              + "With --kafka, only the account names come from it. Default: the embedded SQLite database in the data folder.")
  String dbUrl;

  @Option(
      names = "--kafka",
      split = ",",
      paramLabel = "HOST:PORT",
      description =
          "Cluster mode: keep orders in a Kafka topic shared by several walls, at these brokers "
              + "(HOST:PORT[,HOST:PORT...]). Default: the embedded database, one wall.")
  List<String> kafka;

  @Option(
      names = "--topic",
      defaultValue = KafkaSettings.DEFAULT_TOPIC,
      paramLabel = "TOPIC",
      description = "The Kafka topic of the orders, with --kafka. Default: ${DEFAULT-VALUE}.")
  String topic;

  @Option(
      names = "--wall-id",
      paramLabel = "ID",
      description =
          "This wall's name among the walls of a cluster, unique to it and the same on every run "
              + "(1 to 100 letters, digits, '.', '_', '-'). Default: one made on first start and kept in the data folder.")
  String wallId;

  @Option(
      names = "--kiosk",
      negatable = true,
      description =
          "Open full screen without the demo controls, hide the idle mouse and page through the accounts "
              + "(--no-kiosk: open as a window). F11 toggles it, Esc leaves it. Default: as saved, else a window.")
  Boolean kiosk;

  @Option(
      names = "--screen",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Screen to open on, from 0 (the primary screen). Default: ${DEFAULT-VALUE}, or as saved.")
  int screen;

  @Option(
      names = "--theme",
      defaultValue = "dark",
      paramLabel = "THEME",
      converter = ThemeConverter.class,
      description = "dark or light. Default: ${DEFAULT-VALUE}, or as saved.")
  Theme theme;

  @Option(
      names = "--page-seconds",
      defaultValue = "" + WallSettings.DEFAULT_PAGE_SECONDS,
      paramLabel = "N",
      description =
          "Seconds each page of accounts shows in kiosk mode. Default: ${DEFAULT-VALUE}, or as saved.")
  int pageSeconds;

  @Option(
      names = "--stale-after",
      defaultValue = "15m",
      paramLabel = "DURATION",
      converter = StaleAfterConverter.class,
      description =
          "Say so across the top of the wall when no order has come for this long: 15m, 1h, PT30M;"
              + " 0 never. Default: ${DEFAULT-VALUE}.")
  Duration staleAfter;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = ZoneConverter.class,
      description =
          "The wall's time zone, in which its day starts: Europe/Berlin, UTC, +01:00."
              + " Default: the machine's.")
  ZoneId zone;

  @Option(
      names = "--day-starts",
      defaultValue = "00:00",
      paramLabel = "HH:MM",
      converter = TimeOfDayConverter.class,
      description =
          "When the day (or the first shift) starts, for the figures of today: 06:00."
              + " Default: ${DEFAULT-VALUE}.")
  LocalTime dayStarts;

  @Option(
      names = "--day-ends",
      paramLabel = "HH:MM",
      converter = TimeOfDayConverter.class,
      description = "Where the goal's pace runs to: 18:00. Default: the next day's start.")
  LocalTime dayEnds;

  @Option(
      names = "--goal",
      paramLabel = "N",
      converter = GoalConverter.class,
      description =
          "Widgets to sell each day, shown with the pace towards them; 1 or more."
              + " Default: none, or as saved (also set in the window).")
  Long goal;

  @Option(
      names = "--schedule",
      paramLabel = "SCHEDULE",
      converter = ScheduleConverter.class,
      description =
          "When the window is awake, in the wall's time zone: 'Mon-Fri 07:00-19:00'; entries"
              + " separated by commas ('Mon,Wed,Fri 07:00-19:00, Sat 09:00-13:00'); 'daily"
              + " 22:00-06:00' runs past midnight. Outside it the window shows a dim clock and"
              + " orders are still taken. Default: as saved, else always awake.")
  Schedule schedule;

  @Option(
      names = "--team",
      paramLabel = "NAME",
      converter = TeamConverter.class,
      description =
          "Show one team's accounts only, figures included: the team as the account directory"
              + " names it, 1 to 200 characters. Default: as saved, else all teams (also chosen in"
              + " the window).")
  String team;

  @Option(
      names = "--burn-in-shift",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Shift the whole window by a few pixels every few minutes, so no edge stays on the same"
              + " pixels for hours (--no-burn-in-shift: keep it still). Default: on.")
  boolean burnInShift;

  @Option(
      names = "--import-accounts",
      paramLabel = "FILE",
      description =
          "Store the names and teams of this CSV file (header id,name,team) before the wall starts:"
              + " all of it or, if any line is wrong, none, and then the wall does not start.")
  Path importAccounts;

  @Option(
      names = "--big-order",
      defaultValue = "0",
      paramLabel = "N",
      converter = BigOrderConverter.class,
      description =
          "Celebrate an order of at least N widgets with a banner across the wall; 0 for none."
              + " Default: none (new accounts and the goal reached are celebrated either way).")
  long bigOrder;

  @Option(
      names = "--sound",
      description =
          "Play a short chime with each celebration (a big order, new accounts, the goal reached);"
              + " never while the wall sleeps outside its schedule. Default: off.")
  boolean sound;

  @Option(
      names = "--locale",
      paramLabel = "TAG",
      converter = LocaleConverter.class,
      description =
          "The window's language and how it writes numbers and times: de-DE, en-US, de. Words in"
              + " English where the language has none of its own (there are English and German)."
              + " Default: the machine's.")
  Locale locale;

  /** The command line these options were read from, to name an option it cannot take. */
  private CommandLine commandLine;

  /**
   * Reads the command line and checks it as {@link #check} does.
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

  /**
   * Checks what picocli cannot (ranges, and values that must agree) by making the configuration of
   * the command line alone.
   *
   * @param parsed the command line these options were just read from
   * @return the configuration of the command line alone, as {@link #config()}
   * @throws CommandLine.ParameterException naming the option, for a value a wall cannot run with
   */
  WallConfig check(CommandLine parsed) {
    this.commandLine = parsed;
    return config();
  }

  /**
   * The configuration of the command line alone, its defaults filling in the rest.
   *
   * @throws CommandLine.ParameterException naming the option, for a value a wall cannot run with
   */
  public WallConfig config() {
    return config(null);
  }

  /**
   * The configuration of the command line, the settings saved in its data folder ({@link
   * SettingsFile}) filling in what it did not give, as {@link #config(WallSettings)} says.
   *
   * @throws CommandLine.ParameterException naming the option, for a value a wall cannot run with
   */
  public WallConfig configWithSavedSettings() {
    WallConfig given = config();
    return config(new SettingsFile(given.dataFolder()).load(given.settings()));
  }

  /**
   * The configuration of the command line, the settings saved by an earlier run filling in what it
   * did not give: an option given wins over the saved value (and is saved in turn).
   *
   * @param saved as read from the settings file; null for none
   * @throws CommandLine.ParameterException naming the option, for a value a wall cannot run with,
   *     such as a {@code --retention} shorter than the saved lifetime
   */
  WallConfig config(WallSettings saved) {
    Set<String> given = given();
    WallSettings settings =
        new WallSettings(
            saved != null && !given.contains("--theme") ? saved.theme() : theme,
            saved != null && !given.contains("--rate") ? saved.rate() : rate,
            saved != null && !given.contains("--lifetime") ? saved.lifetime() : lifetime,
            saved != null && !given.contains("--page-seconds") ? saved.pageSeconds() : pageSeconds,
            saved != null && !given.contains("--screen") ? saved.screen() : screen,
            goal != null ? goal : saved != null ? saved.goal() : WallSettings.NO_GOAL,
            kiosk != null ? kiosk : saved != null && saved.kiosk(),
            saved != null && saved.pagingPaused(),
            generator != null ? generator : saved != null ? saved.generator() : null,
            schedule != null ? schedule : saved != null ? saved.schedule() : Schedule.ALWAYS,
            team != null ? team : saved != null ? saved.team() : null);
    String lifetimeSource =
        given.contains("--lifetime")
            ? "--lifetime"
            : !settings.lifetime().equals(lifetime) ? "saved in " + SettingsFile.NAME : "default";
    Duration kept =
        retention != null
            ? retention
            : settings.lifetime().compareTo(WallConfig.DEFAULT_RETENTION) > 0
                ? settings.lifetime()
                : WallConfig.DEFAULT_RETENTION;
    Path dataFolder = data != null ? data : DataFolders.perUser();
    try {
      return new WallConfig(
          headless,
          bind,
          port,
          dataFolder,
          dbUrl != null ? dbUrl : AccountDatabase.embeddedUrl(dataFolder),
          kafka != null ? kafka : List.of(),
          topic,
          wallId,
          token,
          settings,
          lifetimeSource,
          kept,
          accounts,
          seed,
          tlsCertificate,
          tlsKey,
          tokensFile,
          staleAfter,
          metricsToken,
          new WallDay(
              zone != null ? zone : ZoneId.systemDefault(),
              dayStarts,
              dayEnds != null ? dayEnds : dayStarts),
          burnInShift,
          importAccounts,
          bigOrder,
          sound,
          locale != null ? locale : Locale.getDefault(Locale.Category.FORMAT));
    } catch (WallConfig.InvalidValueException e) {
      throw new CommandLine.ParameterException(commandLine, "--" + e.getMessage());
    }
  }

  /** The long names of the options given on the command line. */
  private Set<String> given() {
    return commandLine == null || commandLine.getParseResult() == null
        ? Set.of()
        : commandLine.getParseResult().matchedOptions().stream()
            .map(CommandLine.Model.OptionSpec::longestName)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Reads a duration, see {@link DurationText}. */
  static class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      try {
        return DurationText.parse(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads a lifetime: a duration from 1 ms to 3650 days. */
  static final class LifetimeConverter extends DurationConverter {
    @Override
    public Duration convert(String text) {
      try {
        return WallSettings.checkLifetime(super.convert(text));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage() + ", was '" + text + "'");
      }
    }
  }

  /** Reads how long the wall may go without an order: {@code 0} for never, or a duration. */
  static final class StaleAfterConverter extends DurationConverter {
    @Override
    public Duration convert(String text) {
      Duration staleAfter = text.strip().equals("0") ? Duration.ZERO : super.convert(text);
      try {
        return WallConfig.checkStaleAfter(staleAfter);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage() + ", was '" + text + "'");
      }
    }
  }

  /** Reads a time zone: a region such as {@code Europe/Berlin}, {@code UTC} or an offset. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String text) {
      try {
        return ZoneId.of(text.strip());
      } catch (DateTimeException e) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is not a time zone; write it like Europe/Berlin, UTC or +01:00");
      }
    }
  }

  /** Reads a time of day, {@code HH:MM}. */
  static final class TimeOfDayConverter implements ITypeConverter<LocalTime> {
    @Override
    public LocalTime convert(String text) {
      try {
        return LocalTime.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is not a time of day; write it like 06:00 or 18:30");
      }
    }
  }

  /**
   * Reads a locale: an IETF BCP 47 language tag ({@code de-DE}, {@code en-US}, {@code de}) of a
   * locale whose numbers and times the JDK knows.
   */
  static final class LocaleConverter implements ITypeConverter<Locale> {
    private static final Set<Locale> KNOWN = Set.of(Locale.getAvailableLocales());

    @Override
    public Locale convert(String text) {
      Locale locale;
      try {
        locale = new Locale.Builder().setLanguageTag(text.strip()).build();
      } catch (IllformedLocaleException e) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is not a language tag; write it like de-DE, en-US or de");
      }
      if (locale.getLanguage().isEmpty() || !KNOWN.contains(locale.stripExtensions())) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is no locale this Java knows; write it like de-DE, en-US or de");
      }
      return locale;
    }
  }

  /** Reads {@code --big-order}: a whole number of widgets, 0 for none. */
  static final class BigOrderConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      long widgets = widgets(text);
      if (widgets < 0) {
        throw new CommandLine.TypeConversionException(
            "a big order must be 0 (none) or 1 or more widgets, was " + widgets);
      }
      return widgets;
    }
  }

  /** Reads a daily goal: a whole number of widgets, 1 or more. */
  static final class GoalConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      long goal = widgets(text);
      try {
        return WallSettings.checkGoal(goal);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** A number of widgets as the goal and the big order are written, bounds aside. */
  private static long widgets(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a whole number of widgets");
    }
  }

  /** Reads a schedule, see {@link Schedule#parse}; an empty one is always awake. */
  static final class ScheduleConverter implements ITypeConverter<Schedule> {
    @Override
    public Schedule convert(String text) {
      try {
        return Schedule.parse(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads a team's name, see {@link AccountProfile#checkText}. */
  static final class TeamConverter implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      try {
        return AccountProfile.checkText(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("a team: " + e.getMessage());
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
