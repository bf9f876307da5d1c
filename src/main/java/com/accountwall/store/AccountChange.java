package com.accountwall.store;

/** What to write for one account: its new state, or that it has ended. */
record AccountChange(long accountId, long widgetsSold, long lastOrderAtMillis, boolean ended) {

  static AccountChange live(long accountId, long widgetsSold, long lastOrderAtMillis) {
    return new AccountChange(accountId, widgetsSold, lastOrderAtMillis, false);
  }

  static AccountChange ended(long accountId) {
    return new AccountChange(accountId, 0, 0, true);
  }
}
