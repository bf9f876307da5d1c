package com.accountwall.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.accountwall.ui.text.Texts;
import org.junit.jupiter.api.Test;

/** An account id as a person types it. */
class AccountIdInputTest {

  @Test
  void typedAccountIds() {
    assertEquals(10, AccountIdInput.parse(" 10 ", Texts.ENGLISH));
    assertEquals(
        Long.MAX_VALUE, AccountIdInput.parse(Long.toString(Long.MAX_VALUE), Texts.ENGLISH));
    assertThrows(IllegalArgumentException.class, () -> AccountIdInput.parse(null, Texts.ENGLISH));
    assertThrows(
        IllegalArgumentException.class,
        () -> AccountIdInput.parse("9223372036854775808", Texts.ENGLISH));
  }
}
