package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration is checked when it is built, and says which value it cannot run with. */
class WallConfigTest {
  private static final WallSettings SETTINGS =
      new WallSettings(Theme.DARK, 10, Duration.ofHours(24), 10, 0);

  @Test
  void aSoundConfigurationIsKeptAsGiven() {
    List<String> brokers = new ArrayList<>(List.of("k1:9092"));
    WallConfig config = config(8080, brokers, SETTINGS, Duration.ofDays(7), 500);
    brokers.clear();

    assertEquals(List.of("k1:9092"), config.kafka(), "a copy, not the caller's list");
    assertEquals(List.of("k1:9092"), config.kafkaSettings().bootstrapServers());
    assertEquals("24h (default)", config.describeLifetime());
    assertNull(
        config(8080, List.of(), SETTINGS, Duration.ofDays(7), 500).kafkaSettings(),
        "a single wall");
  }

  @Test
  void eachValueItCannotRunWithIsNamed() {
    assertRefused(
        "port must be from 0 to 65535, was 70000",
        () -> config(70_000, List.of(), SETTINGS, Duration.ofDays(7), 500));
    assertRefused(
        "kafka takes HOST:PORT[,HOST:PORT...], got 'k1'",
        () -> config(8080, List.of("k1"), SETTINGS, Duration.ofDays(7), 500));
    assertRefused(
        "accounts must be at least 1, was 0",
        () -> config(8080, List.of(), SETTINGS, Duration.ofDays(7), 0));
    assertRefused(
        "rate: a rate must be from 0 to 1000000 orders per second, was -1.0",
        () ->
            config(
                8080,
                List.of(),
                new WallSettings(Theme.DARK, -1, Duration.ofHours(24), 10, 0),
                Duration.ofDays(7),
                500));
    assertRefused(
        "page-seconds: a page must show for at least 1 second, was 0",
        () ->
            config(
                8080,
                List.of(),
                new WallSettings(Theme.DARK, 10, Duration.ofHours(24), 0, 0),
                Duration.ofDays(7),
                500));
    assertRefused(
        "retention must be at least the lifetime, 24h (default), was 1h",
        () -> config(8080, List.of(), SETTINGS, Duration.ofHours(1), 500));
    assertRefused(
        "retention must be at most 3650 days, was 87624h",
        () -> config(8080, List.of(), SETTINGS, Duration.ofDays(3651), 500));
    assertRefused(
        "stale-after must be 0 (never) or up to 3650 days, was -1m",
        () -> config(Duration.ofMinutes(-1)));
  }

  private static void assertRefused(String message, Runnable building) {
    assertEquals(
        message, assertThrows(WallConfig.InvalidValueException.class, building::run).getMessage());
  }

  private static WallConfig config(
      int port, List<String> kafka, WallSettings settings, Duration retention, int accounts) {
    return config(port, kafka, settings, retention, accounts, WallConfig.DEFAULT_STALE_AFTER);
  }

  private static WallConfig config(Duration staleAfter) {
    return config(8080, List.of(), SETTINGS, Duration.ofDays(7), 500, staleAfter);
  }

  private static WallConfig config(
      int port,
      List<String> kafka,
      WallSettings settings,
      Duration retention,
      int accounts,
      Duration staleAfter) {
    return new WallConfig(
        true,
        "127.0.0.1",
        port,
        Path.of("/tmp/wall"),
        "jdbc:sqlite:/tmp/wall/account-wall.db",
        kafka,
        "account-wall.orders",
        null,
        null,
        settings,
        "default",
        retention,
        accounts,
        null,
        null,
        null,
        null,
        staleAfter,
        null,
        com.accountwall.day.WallDay.midnights(java.time.ZoneOffset.UTC),
        true,
        null,
        0,
        false,
        java.util.Locale.ENGLISH);
  }
}
