package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The rule for a name or a team that comes in, from the API or an accounts file. */
class AccountProfileTest {

  @Test
  void oneToTwoHundredCharactersAreAName() {
    assertEquals("empty: give 1 to 200 characters", AccountProfile.problemWith(""));
    assertNull(AccountProfile.problemWith("A"));
    assertNull(AccountProfile.problemWith("x".repeat(200)));
    assertEquals("201 characters: at most 200", AccountProfile.problemWith("x".repeat(201)));
  }

  @Test
  void charactersAreCodePointsNotJavaChars() {
    String rocket = "\uD83D\uDE80"; // U+1F680, two chars in Java, one character
    assertNull(AccountProfile.problemWith(rocket.repeat(200)));
    assertEquals("201 characters: at most 200", AccountProfile.problemWith(rocket.repeat(201)));
    assertNull(AccountProfile.problemWith("Müller & Søn 東京"));
  }

  @Test
  void controlCharactersAndLineSeparatorsAreRefusedNamingTheFirst() {
    assertEquals(
        "control character U+0007 at character 5", AccountProfile.problemWith("Acme\u0007Co"));
    assertEquals("control character U+0009 at character 1", AccountProfile.problemWith("\tAcme"));
    assertEquals("control character U+000A at character 5", AccountProfile.problemWith("Acme\n"));
    assertEquals("control character U+0000 at character 2", AccountProfile.problemWith("A\0"));
    assertEquals("control character U+007F at character 1", AccountProfile.problemWith("\u007F"));
    assertEquals("control character U+0085 at character 1", AccountProfile.problemWith("\u0085"));
    assertEquals(
        "line separator U+2028 at character 3", AccountProfile.problemWith("\uD83D\uDE80a\u2028"));
    assertEquals("paragraph separator U+2029 at character 1", AccountProfile.problemWith("\u2029"));
  }

  @Test
  void halfASurrogatePairIsRefused() {
    assertEquals("lone surrogate U+D83D at character 2", AccountProfile.problemWith("a\uD83D"));
    assertEquals("lone surrogate U+DE80 at character 1", AccountProfile.problemWith("\uDE80b"));
  }

  @Test
  void spacesAreCharactersLikeAnyOther() {
    assertNull(AccountProfile.problemWith(" Acme "));
    assertNull(AccountProfile.problemWith("Acme\u00A0GmbH"));
  }
}
