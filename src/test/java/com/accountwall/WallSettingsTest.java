package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WallSettingsTest {

  @Test
  void defaultsMatchTheSeed() {
    WallSettings settings = WallSettings.parse(List.of());

    assertEquals(Duration.ofHours(24), settings.lifetime());
    assertTrue(settings.generator());
    assertEquals(OptionalLong.empty(), settings.seed());
  }

  @Test
  void readsEveryOption() {
    WallSettings settings = WallSettings.parse(
        List.of("--lifetime=30s", "--rate=250", "--accounts=2000", "--seed=42", "--no-generator"));

    assertEquals(new WallSettings(Duration.ofSeconds(30), false, 250, 2000, OptionalLong.of(42)), settings);
  }

  @ParameterizedTest
  @CsvSource({"24h, PT24H", "30s, PT30S", "5m, PT5M", "5min, PT5M", "PT5M, PT5M", "pt90s, PT1M30S", "2d, PT48H", "250ms, PT0.25S"})
  void readsDurationsShortAndIso(String text, String iso) {
    assertEquals(Duration.parse(iso), WallSettings.parseDuration("--lifetime", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--lifetime=soon", "--lifetime=0s", "--lifetime=-PT5M", "--rate=fast", "--rate=-1",
      "--accounts=0", "--seed=x", "--lifetime", "--colour=blue"})
  void rejectsWhatItCannotReadNamingTheOption(String arg) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WallSettings.parse(List.of(arg)));

    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  @Test
  void recognisesAskingForHelp() {
    assertTrue(WallSettings.asksForHelp(List.of("--rate=5", "--help")));
    assertFalse(WallSettings.asksForHelp(List.of("--rate=5")));
  }
}
