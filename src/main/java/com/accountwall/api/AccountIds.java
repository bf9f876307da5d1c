package com.accountwall.api;

/**
 * Reads an account id in a path, such as the {@code 10} of {@code /api/accounts/10}: canonical
 * decimal only, from 1 to 2<sup>63</sup>-1, no sign, no leading zero, so that one account has one
 * address and {@code /api/accounts/+5} or {@code /05} never act on account 5 by a lenient reading.
 *
 * <p>Thread-safe: stateless.
 */
final class AccountIds {
  private AccountIds() {}

  /**
   * @throws ApiException 400 naming the segment, if it is not such an id
   */
  static long parse(String segment) {
    boolean canonical =
        !segment.isEmpty()
            && segment.length() <= 19
            && segment.charAt(0) >= '1'
            && segment.charAt(0) <= '9';
    for (int i = 1; canonical && i < segment.length(); i++) {
      canonical = segment.charAt(i) >= '0' && segment.charAt(i) <= '9';
    }
    if (canonical) {
      try {
        return Long.parseLong(segment);
      } catch (NumberFormatException e) {
        // 19 digits over 2^63-1: refused below
      }
    }
    throw ApiException.badRequest(
        "the account id in the path must be a positive integer in plain decimal (no sign,"
            + " no leading zero) that fits a signed 64-bit long, got '"
            + segment
            + "'");
  }
}
