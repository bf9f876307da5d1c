package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.settings.DurationText;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class WallOptionsTest {

  @Test
  void defaults() {
    WallConfig config = WallOptions.parse().config();

    assertEquals(Duration.ofHours(24), config.lifetime());
    assertEquals(Duration.ofDays(7), config.retention());
    assertEquals(8080, config.port());
    assertEquals("127.0.0.1", config.bind());
    assertTrue(config.generatorOnStart(), "simulated orders run with a window");
    assertTrue(config.databaseUrl().startsWith("jdbc:sqlite:"));
    assertTrue(config.databaseUrl().endsWith("account-wall.db"));
  }

  @Test
  void metricsTokenIsReadAndBlankMeansNone() {
    assertEquals(
        "m3trics-token",
        WallOptions.parse("--metrics-token=m3trics-token").config().metricsToken());
    assertEquals(
        "m3trics-token",
        WallOptions.parse("--metrics-token", "  m3trics-token ").config().metricsToken());
    assertNull(WallOptions.parse("--metrics-token=  ").config().metricsToken());
    assertTrue(
        new CommandLine(new WallOptions()).getUsageMessage().contains("--metrics-token=TOKEN"),
        "listed in --help");
  }

  @Test
  void readsEveryOption() {
    WallConfig config =
        WallOptions.parse(
                "--headless",
                "--port",
                "0",
                "--bind=0.0.0.0",
                "--data",
                "/tmp/wall",
                "--lifetime=30s",
                "--retention=30d",
                "--generator",
                "--rate=250",
                "--accounts=2000",
                "--seed=42",
                "--token=secret",
                "--db-url=jdbc:postgresql://db/wall")
            .config();

    assertTrue(config.headless());
    assertEquals(0, config.port());
    assertEquals("0.0.0.0", config.bind());
    assertEquals(Path.of("/tmp/wall"), config.dataFolder());
    assertEquals(Duration.ofSeconds(30), config.lifetime());
    assertEquals(Duration.ofDays(30), config.retention());
    assertTrue(config.generatorOnStart());
    assertEquals(250, config.rate());
    assertEquals(2000, config.accounts());
    assertEquals(42L, config.seed());
    assertEquals("secret", config.token());
    assertEquals("jdbc:postgresql://db/wall", config.databaseUrl());
  }

  @Test
  void clusterModeOnlyWithKafka() {
    assertNull(WallOptions.parse().config().kafkaSettings(), "one wall on its embedded database");

    WallConfig config =
        WallOptions.parse(
                "--kafka=k1:9092,k2:9092", "--kafka", "[::1]:9093", "--topic=floor.orders")
            .config();

    assertEquals(
        List.of("k1:9092", "k2:9092", "[::1]:9093"), config.kafkaSettings().bootstrapServers());
    assertEquals("floor.orders", config.kafkaSettings().topic());
    assertEquals(
        "account-wall.orders",
        WallOptions.parse("--kafka=k1:9092").config().kafkaSettings().topic());
  }

  @Test
  void readsTheWallsDisplayOptions() {
    WallConfig config =
        WallOptions.parse("--kiosk", "--screen=1", "--theme=LIGHT", "--page-seconds=15").config();

    assertTrue(config.kiosk());
    assertEquals(
        new WallSettings(
            Theme.LIGHT,
            10,
            Duration.ofHours(24),
            15,
            1,
            WallSettings.NO_GOAL,
            true,
            false,
            null,
            Schedule.ALWAYS),
        config.settings());
  }

  @Test
  void kioskModePagingTheScheduleAndTheSimulatedOrdersSwitchAreRememberedUnlessGiven() {
    WallSettings saved =
        new WallSettings(
            Theme.DARK,
            10,
            Duration.ofHours(24),
            10,
            0,
            WallSettings.NO_GOAL,
            true,
            true,
            true,
            Schedule.parse("daily 07:00-19:00"));

    WallConfig remembered = WallOptions.parse("--headless").config(saved);
    assertEquals(saved, remembered.settings());
    assertTrue(remembered.generatorOnStart(), "switched on by someone, so on headless too");

    WallConfig given =
        WallOptions.parse("--no-kiosk", "--no-generator", "--schedule=Sat 09:00-13:00")
            .config(saved);
    assertFalse(given.kiosk());
    assertFalse(given.generatorOnStart());
    assertEquals(Schedule.parse("Sat 09:00-13:00"), given.schedule());
    assertTrue(given.settings().pagingPaused(), "paging has no option: as saved");
  }

  @Test
  void simulatedOrdersNobodySwitchedRunAsTheModeHasThem() {
    WallSettings nobodyChose = new WallSettings(Theme.DARK, 10, Duration.ofHours(24), 10, 0);

    assertTrue(WallOptions.parse().config(nobodyChose).generatorOnStart());
    assertFalse(WallOptions.parse("--headless").config(nobodyChose).generatorOnStart());
  }

  @Test
  void savedSettingsFillWhatTheCommandLineDidNotGive() {
    WallOptions options = WallOptions.parse("--theme=dark", "--rate=5");

    WallConfig config =
        options.config(new WallSettings(Theme.LIGHT, 80, Duration.ofMinutes(2), 20, 1));

    assertEquals(new WallSettings(Theme.DARK, 5, Duration.ofMinutes(2), 20, 1), config.settings());
  }

  @Test
  void saysWhereTheLifetimeCameFrom() {
    WallSettings savedByADemo = new WallSettings(Theme.DARK, 10, Duration.ofSeconds(30), 10, 0);

    WallConfig byDefault =
        WallOptions.parse().config(new WallSettings(Theme.LIGHT, 10, Duration.ofHours(24), 10, 0));
    WallConfig saved = WallOptions.parse("--headless").config(savedByADemo);
    WallConfig given = WallOptions.parse("--lifetime=2m").config(savedByADemo);

    assertEquals("24h (default)", byDefault.describeLifetime());
    assertEquals("30s (saved in settings.properties)", saved.describeLifetime());
    assertEquals("2m (--lifetime)", given.describeLifetime());
  }

  @ParameterizedTest
  @CsvSource({
    "PT24H, 24h",
    "P2D, 48h",
    "PT30S, 30s",
    "PT90S, 90s",
    "PT2M, 2m",
    "PT0.25S, 250ms",
    "PT1H30M, 90m"
  })
  void showsALifetimeAsTheOptionTakesIt(String iso, String shortForm) {
    assertEquals(shortForm, DurationText.format(Duration.parse(iso)));
    assertEquals(Duration.parse(iso), new WallOptions.LifetimeConverter().convert(shortForm));
  }

  @Test
  void headlessRunsNoGeneratorUnlessAsked() {
    assertFalse(WallOptions.parse("--headless").config().generatorOnStart());
    assertFalse(WallOptions.parse("--no-generator").config().generatorOnStart());
    assertTrue(WallOptions.parse("--headless", "--generator").config().generatorOnStart());
  }

  @Test
  void theRetentionIsAtLeastTheLifetime() {
    assertEquals(
        Duration.ofDays(30),
        WallOptions.parse("--lifetime=30d").config().retention(),
        "by default, the lifetime when it is longer than a week");
    assertEquals(
        Duration.ofDays(10),
        WallOptions.parse()
            .config(new WallSettings(Theme.DARK, 10, Duration.ofDays(10), 10, 0))
            .retention(),
        "a saved lifetime too");
    assertEquals(
        Duration.ofHours(24),
        WallOptions.parse("--retention=24h").config().retention(),
        "as long as the lifetime");

    CommandLine.ParameterException tooShort =
        assertThrows(
            CommandLine.ParameterException.class,
            () -> WallOptions.parse("--lifetime=2h", "--retention=1h"));
    assertEquals(
        "--retention must be at least the lifetime, 2h (--lifetime), was 1h",
        tooShort.getMessage());

    WallOptions options = WallOptions.parse("--retention=1d");
    CommandLine.ParameterException shorterThanSaved =
        assertThrows(
            CommandLine.ParameterException.class,
            () -> options.config(new WallSettings(Theme.DARK, 10, Duration.ofDays(2), 10, 0)));
    assertEquals(
        "--retention must be at least the lifetime, 48h (saved in settings.properties), was 24h",
        shorterThanSaved.getMessage());
  }

  @Test
  void theStaleBannerWaitsFifteenMinutesUnlessToldAndZeroTurnsItOff() {
    assertEquals(Duration.ofMinutes(15), WallOptions.parse().config().staleAfter());
    assertEquals(
        Duration.ofMinutes(5), WallOptions.parse("--stale-after=5m").config().staleAfter());
    assertEquals(
        Duration.ofMinutes(30), WallOptions.parse("--stale-after", "PT30M").config().staleAfter());
    assertEquals(Duration.ZERO, WallOptions.parse("--stale-after=0").config().staleAfter());
    assertEquals(Duration.ZERO, WallOptions.parse("--stale-after=0s").config().staleAfter());
  }

  @Test
  void celebratesNoBigOrderUnlessTold() {
    assertEquals(0, WallOptions.parse().config().bigOrder());
    assertEquals(5_000, WallOptions.parse("--big-order=5000").config().bigOrder());
    assertEquals(0, WallOptions.parse("--big-order", "0").config().bigOrder());
  }

  @Test
  void playsNoSoundUnlessTold() {
    assertFalse(WallOptions.parse().config().sound());
    assertTrue(WallOptions.parse("--sound").config().sound());
  }

  @Test
  void theWindowSpeaksTheMachinesLocaleUnlessTold() {
    assertEquals(Locale.getDefault(Locale.Category.FORMAT), WallOptions.parse().config().locale());
    assertEquals(Locale.GERMANY, WallOptions.parse("--locale=de-DE").config().locale());
    assertEquals(Locale.US, WallOptions.parse("--locale", "en-US").config().locale());
    assertEquals(Locale.GERMAN, WallOptions.parse("--locale=de").config().locale());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "de_DE | 'de_DE' is not a language tag; write it like de-DE, en-US or de",
        "xx-YY | 'xx-YY' is no locale this Java knows; write it like de-DE, en-US or de",
        "und | 'und' is no locale this Java knows; write it like de-DE, en-US or de"
      })
  void aLocaleItCannotTakeIsRefusedInOneLine(String tag, String problem) {
    CommandLine.ParameterException e =
        assertThrows(
            CommandLine.ParameterException.class, () -> WallOptions.parse("--locale=" + tag));
    assertEquals("Invalid value for option '--locale': " + problem, e.getMessage());
  }

  @Test
  void aBigOrderItCannotTakeIsRefusedInOneLine() {
    CommandLine.ParameterException e =
        assertThrows(
            CommandLine.ParameterException.class, () -> WallOptions.parse("--big-order=-5"));
    assertEquals(
        "Invalid value for option '--big-order': a big order must be 0 (none) or 1 or more"
            + " widgets, was -5",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--stale-after=soon | Invalid value for option '--stale-after': 'soon' is not a duration;"
            + " write it like 30s, 5m, 24h or PT5M",
        "--stale-after=-PT5M | Invalid value for option '--stale-after': a stale-after must be 0"
            + " (never) or up to 3650 days, was '-PT5M'",
        "--stale-after=3651d | Invalid value for option '--stale-after': a stale-after must be 0"
            + " (never) or up to 3650 days, was '3651d'"
      })
  void aStaleAfterItCannotTakeIsRefusedInOneLine(String arg, String message) {
    CommandLine.ParameterException e =
        assertThrows(CommandLine.ParameterException.class, () -> WallOptions.parse(arg));

    assertEquals(message, e.getMessage());
  }

  @Test
  void readsTheDayAndTheGoal() {
    WallConfig config =
        WallOptions.parse(
                "--zone=Europe/Berlin", "--day-starts", "06:00", "--day-ends=18:00", "--goal=12000")
            .config();

    assertEquals(
        new com.accountwall.day.WallDay(
            java.time.ZoneId.of("Europe/Berlin"),
            java.time.LocalTime.of(6, 0),
            java.time.LocalTime.of(18, 0)),
        config.day());
    assertEquals(12_000, config.settings().goal());
    WallConfig defaults = WallOptions.parse().config();
    assertEquals(
        com.accountwall.day.WallDay.midnights(java.time.ZoneId.systemDefault()), defaults.day());
    assertEquals(WallSettings.NO_GOAL, defaults.settings().goal());
  }

  @Test
  void aTeamOnTheCommandLineWinsOverTheSavedOneAndIsOtherwiseKept() {
    WallSettings saved =
        new WallSettings(
            Theme.DARK,
            10,
            Duration.ofHours(24),
            10,
            0,
            WallSettings.NO_GOAL,
            false,
            false,
            null,
            com.accountwall.settings.Schedule.ALWAYS,
            "South");
    assertEquals(null, WallOptions.parse().config().settings().team(), "all teams by default");
    assertEquals("South", WallOptions.parse().config(saved).settings().team());
    assertEquals("North", WallOptions.parse("--team", "North").config(saved).settings().team());
  }

  @Test
  void aGoalOnTheCommandLineWinsOverTheSavedOneAndIsOtherwiseKept() {
    WallSettings saved = new WallSettings(Theme.DARK, 10, Duration.ofHours(24), 10, 0, 500);
    WallOptions options = WallOptions.parse();
    assertEquals(500, options.config(saved).settings().goal());
    assertEquals(900, WallOptions.parse("--goal=900").config(saved).settings().goal());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--zone=Mars/Olympus | Invalid value for option '--zone': 'Mars/Olympus' is not a time"
            + " zone; write it like Europe/Berlin, UTC or +01:00",
        "--day-starts=25:00 | Invalid value for option '--day-starts': '25:00' is not a time of"
            + " day; write it like 06:00 or 18:30",
        "--day-ends=6pm | Invalid value for option '--day-ends': '6pm' is not a time of day;"
            + " write it like 06:00 or 18:30",
        "--goal=0 | Invalid value for option '--goal': a goal must be at least 1 widget, was 0",
        "--goal=lots | Invalid value for option '--goal': 'lots' is not a whole number of widgets",
        "--team= | Invalid value for option '--team': a team: empty: give 1 to 200 characters",
        "--team=North\tSouth | Invalid value for option '--team': a team: control character U+0009"
            + " at character 6"
      })
  void aDayOrGoalItCannotTakeIsRefusedInOneLine(String arg, String message) {
    CommandLine.ParameterException e =
        assertThrows(CommandLine.ParameterException.class, () -> WallOptions.parse(arg));

    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "24h, PT24H",
    "30s, PT30S",
    "5m, PT5M",
    "5min, PT5M",
    "PT5M, PT5M",
    "pt90s, PT1M30S",
    "2d, PT48H",
    "250ms, PT0.25S",
    "3650d, PT87600H",
    "1ms, PT0.001S"
  })
  void readsDurationsShortAndIso(String text, String iso) {
    assertEquals(Duration.parse(iso), new WallOptions.LifetimeConverter().convert(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--lifetime=soon",
        "--lifetime=0s",
        "--lifetime=-PT5M",
        "--rate=fast",
        "--rate=-1",
        "--accounts=0",
        "--seed=x",
        "--port=70000",
        "--lifetime",
        "--colour=blue",
        "--kafka=broker",
        "--kafka=:9092",
        "--kafka=k1:9092,,k2:9092",
        "--kafka=k1:port",
        "--topic= ",
        "--theme=purple",
        "--screen=-1",
        "--page-seconds=0",
        "--lifetime=1000000000000d",
        "--lifetime=3651d",
        "--lifetime=PT0.0001S",
        "--retention=soon",
        "--retention=1h",
        "--retention=3651d",
        "--wall-id=east 1",
        "--stale-after=soon",
        "--stale-after=-PT1M",
        "--stale-after",
        "--big-order=lots",
        "--big-order=-5"
      })
  void rejectsWhatItCannotReadNamingTheOption(String arg) {
    CommandLine.ParameterException e =
        assertThrows(CommandLine.ParameterException.class, () -> WallOptions.parse(arg));

    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    assertTrue(
        e.getMessage().contains(option)
            || e.getMessage().contains(arg.substring(arg.indexOf('=') + 1)),
        e.getMessage());
  }

  @Test
  void aScheduleIsReadAndNoneOrAnEmptyOneIsAlwaysAwake() {
    assertEquals(Schedule.ALWAYS, WallOptions.parse().config().schedule());
    assertEquals(Schedule.ALWAYS, WallOptions.parse("--schedule=").config().schedule());
    Schedule schedule =
        WallOptions.parse("--schedule", "Mon-Fri 07:00-19:00, Sat 09:00-13:00").config().schedule();
    assertEquals(Schedule.parse("Mon-Fri 07:00-19:00,Sat 09:00-13:00"), schedule);
    assertEquals("Mon-Fri 07:00-19:00, Sat 09:00-13:00", schedule.toString());
    assertTrue(
        new CommandLine(new WallOptions()).getUsageMessage().contains("--schedule=SCHEDULE"),
        "listed in --help");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--schedule=Mon-Fry 07:00-19:00 | Invalid value for option '--schedule': 'Fry' in"
            + " 'Mon-Fry 07:00-19:00' is not a day; write Mon to Sun, a range like Mon-Fri, a list"
            + " like Mon,Wed,Fri or daily",
        "--schedule=Mon-Fri | Invalid value for option '--schedule': 'Mon-Fri' is not DAYS"
            + " HH:MM-HH:MM; write entries like Mon-Fri 07:00-19:00, Sat 09:00-13:00",
        "--schedule=daily 07:00-24:30 | Invalid value for option '--schedule': '24:30' in 'daily"
            + " 07:00-24:30' is not a time of day; write 00:00 to 23:59, or 24:00 for midnight",
        "--schedule=Sat 07:00-07:00 | Invalid value for option '--schedule': 'Sat 07:00-07:00'"
            + " starts and ends at the same time; for a whole day write 00:00-24:00"
      })
  void aScheduleItCannotReadIsRefusedInOneLine(String arg, String message) {
    CommandLine.ParameterException e =
        assertThrows(CommandLine.ParameterException.class, () -> WallOptions.parse(arg));

    assertEquals(message, e.getMessage());
  }

  @Test
  void theBurnInShiftIsOnUnlessTurnedOff() {
    assertTrue(WallOptions.parse().config().burnInShift());
    assertTrue(WallOptions.parse("--burn-in-shift").config().burnInShift());
    assertFalse(WallOptions.parse("--no-burn-in-shift").config().burnInShift());
  }
}
