package com.accountwall.store;

/**
 * One row of the order history: an account's orders of one commit made in one millisecond, summed,
 * or its ending.
 *
 * @param seq where it stands in the history, from 1 up
 * @param accountId the account
 * @param quantity the widgets ordered; 0 for an ending
 * @param atMillis when, in epoch milliseconds
 */
record HistoryRow(long seq, long accountId, long quantity, long atMillis) {

  boolean isEnd() {
    return quantity == 0;
  }
}
