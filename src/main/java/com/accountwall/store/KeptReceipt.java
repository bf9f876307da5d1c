package com.accountwall.store;

import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.Receipt;

/** An {@link IdempotencyKey} as the database keeps it: with its receipt and when it was kept. */
record KeptReceipt(IdempotencyKey key, Receipt receipt, long keptAtMillis) {}
