package com.accountwall.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.settings.WallSettings;
import com.accountwall.ui.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rate of simulated orders as a person types it. */
class RateInputTest {

  @Test
  void wholeNumbersFromNoneToAMillionASecond() {
    assertEquals(250, RateInput.parse(" 250 ", Texts.ENGLISH));
    assertEquals(0, RateInput.parse("0", Texts.ENGLISH));
    assertEquals(100_000, RateInput.parse("100000", Texts.ENGLISH));
    assertEquals(WallSettings.MAX_RATE, RateInput.parse("1000000", Texts.ENGLISH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-5", "1.5", "1000001", "99999999999", "  "})
  void anythingElseIsRefusedSayingWhatToType(String typed) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> RateInput.parse(typed, Texts.ENGLISH));
    assertTrue(
        refused.getMessage().contains("a whole number from 0 to 1,000,000"), refused.getMessage());
    assertTrue(refused.getMessage().contains(typed.strip()), refused.getMessage());
  }
}
