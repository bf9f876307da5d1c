package com.accountwall.store;

import java.time.Instant;

/**
 * A live account as the checkpoint keeps it: its chain of orders, as the history up to the
 * checkpoint gives it.
 */
record StoredAccount(long accountId, long widgetsSold, Instant lastOrderAt) {}
