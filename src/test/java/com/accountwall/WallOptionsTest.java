package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class WallOptionsTest {

  @Test
  void defaults() {
    WallOptions options = WallOptions.parse();

    assertEquals(Duration.ofHours(24), options.lifetime);
    assertEquals(8080, options.port);
    assertEquals("127.0.0.1", options.bind);
    assertTrue(options.generatorOnStart(), "simulated orders run with a window");
    assertTrue(options.databaseUrl().startsWith("jdbc:sqlite:"));
    assertTrue(options.databaseUrl().endsWith("account-wall.db"));
  }

  @Test
  void readsEveryOption() {
    WallOptions options = WallOptions.parse("--headless", "--port", "0", "--bind=0.0.0.0", "--data", "/tmp/wall",
        "--lifetime=30s", "--generator", "--rate=250", "--accounts=2000", "--seed=42", "--token=secret",
        "--db-url=jdbc:postgresql://db/wall");

    assertTrue(options.headless);
    assertEquals(0, options.port);
    assertEquals("0.0.0.0", options.bind);
    assertEquals(Path.of("/tmp/wall"), options.dataFolder());
    assertEquals(Duration.ofSeconds(30), options.lifetime);
    assertTrue(options.generatorOnStart());
    assertEquals(250, options.rate);
    assertEquals(2000, options.accounts);
    assertEquals(42L, options.seed);
    assertEquals("secret", options.token);
    assertEquals("jdbc:postgresql://db/wall", options.databaseUrl());
  }

  @Test
  void clusterModeOnlyWithKafka() {
    assertNull(WallOptions.parse().kafkaSettings(), "one wall on its embedded database");

    WallOptions options = WallOptions.parse("--kafka=k1:9092,k2:9092", "--kafka", "[::1]:9093", "--topic=floor.orders");

    assertEquals(List.of("k1:9092", "k2:9092", "[::1]:9093"), options.kafkaSettings().bootstrapServers());
    assertEquals("floor.orders", options.kafkaSettings().topic());
    assertEquals("account-wall.orders", WallOptions.parse("--kafka=k1:9092").kafkaSettings().topic());
  }

  @Test
  void readsTheWallsDisplayOptions() {
    WallOptions options = WallOptions.parse("--kiosk", "--screen=1", "--theme=LIGHT", "--page-seconds=15");

    assertTrue(options.kiosk());
    assertEquals(new WallSettings(Theme.LIGHT, 10, Duration.ofHours(24), 15, 1), options.settings());
  }

  @Test
  void savedSettingsFillWhatTheCommandLineDidNotGive() {
    WallOptions options = WallOptions.parse("--theme=dark", "--rate=5");

    options.preferSaved(new WallSettings(Theme.LIGHT, 80, Duration.ofMinutes(2), 20, 1));

    assertEquals(new WallSettings(Theme.DARK, 5, Duration.ofMinutes(2), 20, 1), options.settings());
  }

  @Test
  void saysWhereTheLifetimeCameFrom() {
    WallSettings savedByADemo = new WallSettings(Theme.DARK, 10, Duration.ofSeconds(30), 10, 0);

    WallOptions byDefault = WallOptions.parse();
    byDefault.preferSaved(new WallSettings(Theme.LIGHT, 10, Duration.ofHours(24), 10, 0));
    WallOptions saved = WallOptions.parse("--headless");
    saved.preferSaved(savedByADemo);
    WallOptions given = WallOptions.parse("--lifetime=2m");
    given.preferSaved(savedByADemo);

    assertEquals("24h (default)", byDefault.describeLifetime());
    assertEquals("30s (saved in settings.properties)", saved.describeLifetime());
    assertEquals("2m (--lifetime)", given.describeLifetime());
  }

  @ParameterizedTest
  @CsvSource({"PT24H, 24h", "P2D, 48h", "PT30S, 30s", "PT90S, 90s", "PT2M, 2m", "PT0.25S, 250ms", "PT1H30M, 90m"})
  void showsALifetimeAsTheOptionTakesIt(String iso, String shortForm) {
    assertEquals(shortForm, WallOptions.shortForm(Duration.parse(iso)));
    assertEquals(Duration.parse(iso), new WallOptions.DurationConverter().convert(shortForm));
  }

  @Test
  void headlessRunsNoGeneratorUnlessAsked() {
    assertFalse(WallOptions.parse("--headless").generatorOnStart());
    assertFalse(WallOptions.parse("--no-generator").generatorOnStart());
    assertNull(WallOptions.parse("--headless").generator);
  }

  @ParameterizedTest
  @CsvSource({"24h, PT24H", "30s, PT30S", "5m, PT5M", "5min, PT5M", "PT5M, PT5M", "pt90s, PT1M30S", "2d, PT48H", "250ms, PT0.25S",
      "3650d, PT87600H", "1ms, PT0.001S"})
  void readsDurationsShortAndIso(String text, String iso) {
    assertEquals(Duration.parse(iso), new WallOptions.DurationConverter().convert(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--lifetime=soon", "--lifetime=0s", "--lifetime=-PT5M", "--rate=fast", "--rate=-1",
      "--accounts=0", "--seed=x", "--port=70000", "--lifetime", "--colour=blue", "--kafka=broker", "--kafka=:9092",
      "--kafka=k1:9092,,k2:9092", "--kafka=k1:port", "--topic= ", "--theme=purple", "--screen=-1",
      "--page-seconds=0", "--lifetime=1000000000000d", "--lifetime=3651d", "--lifetime=PT0.0001S"})
  void rejectsWhatItCannotReadNamingTheOption(String arg) {
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class, () -> WallOptions.parse(arg));

    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    assertTrue(e.getMessage().contains(option) || e.getMessage().contains(arg.substring(arg.indexOf('=') + 1)), e.getMessage());
  }
}
