package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictUtf8Test {

  @ParameterizedTest
  @CsvSource({
    "'',                -1",
    "7b7d,              -1",
    "c3a9,              -1", // é
    "e282ac,            -1", // €
    "f09f9880,          -1", // U+1F600
    "f48fbfbf,          -1", // U+10FFFF, the last code point
    "ed9fbf,            -1", // U+D7FF, just below the surrogates
    "7bc0af,            1", // overlong '/'
    "7bc1bf,            1", // overlong, C1
    "e080af,            0", // overlong, three bytes
    "f0808080,          0", // overlong, four bytes
    "eda080,            0", // U+D800, a surrogate
    "edbfbf,            0", // U+DFFF
    "f4908080,          0", // above U+10FFFF
    "f5808080,          0",
    "41ff,              1",
    "4180,              1", // a continuation byte on its own
    "41e282,            1", // cut short at the end
    "41e2827b,          1", // cut short by ASCII
    "fffe7b00,          0", // UTF-16LE's byte order mark
  })
  void findsTheFirstIllFormedSequence(String hex, int offset) {
    assertEquals(offset, StrictUtf8.firstMalformed(java.util.HexFormat.of().parseHex(hex)));
  }

  @org.junit.jupiter.api.Test
  void everyCodePointTheJdkEncodesIsWellFormed() {
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
        byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, StrictUtf8.firstMalformed(bytes), "U+" + Integer.toHexString(codePoint));
      }
    }
  }
}
