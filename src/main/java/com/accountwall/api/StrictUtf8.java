package com.accountwall.api;

/**
 * Finds where bytes stop being well-formed UTF-8, as RFC 3629 (and Unicode's table 3-7) defines it:
 * no overlong forms, no surrogates (U+D800 to U+DFFF), nothing above U+10FFFF, no truncated
 * sequence. RFC 8259 §8.1 makes UTF-8 the only encoding of JSON between systems; a reader that
 * guessed the encoding instead (UTF-16, UTF-32) or repaired bad bytes would count an order that its
 * sender did not write.
 *
 * <p>Thread-safe: stateless.
 */
final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * The offset of the byte that starts the first ill-formed sequence (a stray byte, or the lead
   * byte of a sequence that is overlong, a surrogate, too large or cut short), or -1 if all of
   * {@code bytes} is well-formed.
   */
  static int firstMalformed(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int low = 0x80; // the bounds of the second byte, which rule out overlong forms and surrogates
      int high = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i; // a continuation byte out of place, C0/C1 (always overlong), or F5 to FF
      }
      for (int k = 1; k < length; k++) {
        if (i + k >= bytes.length) {
          return i;
        }
        int next = bytes[i + k] & 0xFF;
        if (k == 1 ? next < low || next > high : next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += length;
    }
    return -1;
  }
}
