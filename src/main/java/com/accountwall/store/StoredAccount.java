package com.accountwall.store;

import java.time.Instant;

/** A live account as the database keeps it. */
record StoredAccount(long accountId, long widgetsSold, Instant lastOrderAt) {}
