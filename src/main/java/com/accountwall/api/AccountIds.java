package com.accountwall.api;

import com.accountwall.core.Account;

/**
 * Reads an account id in a path, such as the {@code 10} of {@code /api/accounts/10}, by {@link
 * Account#parseId}'s rule: canonical decimal only, from 1 to 2<sup>63</sup>-1, no sign, no leading
 * zero, so that one account has one address and {@code /api/accounts/+5} or {@code /05} never act
 * on account 5 by a lenient reading.
 *
 * <p>Thread-safe: stateless.
 */
final class AccountIds {
  private AccountIds() {}

  /**
   * @throws ApiException 400 naming the segment, if it is not such an id
   */
  static long parse(String segment) {
    long id = Account.parseId(segment);
    if (id > 0) {
      return id;
    }
    throw ApiException.badRequest(
        "the account id in the path must be a positive integer in plain decimal (no sign,"
            + " no leading zero) that fits a signed 64-bit long, got '"
            + segment
            + "'");
  }
}
