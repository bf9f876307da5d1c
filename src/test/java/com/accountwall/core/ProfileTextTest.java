package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"North", "N", "Équipe Nord 🚀", "two  spaces"})
  void textOfOneTo200CharactersWithoutControlCharactersIsTaken(String text) {
    assertEquals(text, ProfileText.check(text));
  }

  @Test
  void twoHundredCharactersAreTakenCountingCodePoints() {
    assertEquals(200, ProfileText.check("n".repeat(200)).length());
    assertEquals(
        "🚀".repeat(200), ProfileText.check("🚀".repeat(200)), "400 chars, 200 characters");
  }

  @Test
  void emptyTooLongNullAndControlCharactersAreRefusedSayingWhy() {
    assertEquals(
        "must be 1 to 200 characters, was 0",
        assertThrows(IllegalArgumentException.class, () -> ProfileText.check("")).getMessage());
    assertEquals(
        "must be 1 to 200 characters, was 201",
        assertThrows(IllegalArgumentException.class, () -> ProfileText.check("n".repeat(201)))
            .getMessage());
    assertEquals(
        "must be text of 1 to 200 characters",
        assertThrows(IllegalArgumentException.class, () -> ProfileText.check(null)).getMessage());
    assertEquals(
        "must not contain control characters, has U+000A at character 6",
        assertThrows(IllegalArgumentException.class, () -> ProfileText.check("North\nSouth"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProfileText.check("Tab\there"));
    assertThrows(IllegalArgumentException.class, () -> ProfileText.check("del\u007f"));
  }
}
