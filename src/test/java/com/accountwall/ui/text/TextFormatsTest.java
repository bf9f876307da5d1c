package com.accountwall.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the window writes numbers and times, in English and in German. */
class TextFormatsTest {
  private static final Texts GERMAN = Texts.of(Locale.GERMANY);
  private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "PT30S, 0:30",
    "PT0S, 0:00",
    "PT-5S, 0:00",
    "PT9M5S, 9:05",
    "PT1H, 1:00:00",
    "PT23H59M59.9S, 23:59:59"
  })
  void timeLeft(String left, String shown) {
    assertEquals(shown, Durations.countdown(Duration.parse(left)));
  }

  @ParameterizedTest
  @CsvSource({"PT30S, 30 s", "PT2M, 2 min", "PT24H, 24 h", "PT1H30M, 1 h 30 min", "PT48H, 48 h"})
  void lifetimes(String lifetime, String shown) {
    assertEquals(shown, Texts.ENGLISH.duration(Duration.parse(lifetime)));
  }

  @Test
  void aLongLifetimeHasTheLocalesSeparators() {
    assertEquals("87,600 h", Texts.ENGLISH.duration(Duration.ofDays(3650)));
    assertEquals("87.600 h", GERMAN.duration(Duration.ofDays(3650)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-23T14:02:59Z | 14:02 | 14:02",
        "2026-11-23T00:00:00Z | 00:00 | 00:00",
        "2026-11-22T23:59:00Z | Sun 22 Nov 23:59 | So. 22. Nov. 23:59",
        "2025-11-23T14:02:00Z | Sun 23 Nov 14:02 | So. 23. Nov. 14:02",
        "2026-03-01T09:30:00Z | Sun 1 Mar 09:30 | So. 1. März 09:30"
      })
  void timesOfDaySayTheDayWhenItIsNotToday(String then, String english, String german) {
    assertEquals(english, Texts.ENGLISH.timeOfDay(Instant.parse(then), NOW, ZoneOffset.UTC));
    assertEquals(german, GERMAN.timeOfDay(Instant.parse(then), NOW, ZoneOffset.UTC));
  }

  @Test
  void countsHaveTheLocalesThousandsSeparators() {
    assertEquals("12,480", Texts.ENGLISH.count(12_480));
    assertEquals("12.480", GERMAN.count(12_480));
    assertEquals("1.234.567", Texts.of(Locale.forLanguageTag("de")).count(1_234_567));
    assertEquals("-5", GERMAN.count(-5));
  }

  @Test
  void aLocaleWithNoWordsOfItsOwnGetsEnglishWordsAndItsOwnNumbers() {
    Texts french = Texts.of(Locale.FRANCE);

    assertEquals("Widgets sold", french.text("figures.widgetsSold"));
    assertEquals("12\u202f480", french.count(12_480));
  }

  @Test
  void messagesTakeTheirArgumentsAndUmlautsAreReadAsUtf8() {
    assertEquals("Page 2 of 5", Texts.ENGLISH.text("kiosk.page", 2, 5));
    assertEquals("Tagesziel gelöscht.", GERMAN.text("status.goalCleared"));
    assertEquals(
        "„x“ ist zu groß für eine Kontonummer.", GERMAN.text("input.accountIdTooLarge", "x"));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 orders, 0 Bestellungen",
    "1, 1 order, 1 Bestellung",
    "2, 2 orders, 2 Bestellungen"
  })
  void ordersAreCountedInTheirLanguagesGrammar(long orders, String english, String german) {
    assertEquals(
        english, Texts.ENGLISH.text("figures.todayOrders", orders, Texts.ENGLISH.count(orders)));
    assertEquals(german, GERMAN.text("figures.todayOrders", orders, GERMAN.count(orders)));
  }
}
