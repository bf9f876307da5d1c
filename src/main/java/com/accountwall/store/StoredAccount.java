package com.accountwall.store;

import java.time.Instant;

/**
 * A live account as the checkpoint keeps it: its chain of orders, as the history up to row {@code
 * asOfSeq} gives it. That is the checkpoint's own {@link Checkpoint#upToSeq} or later: a checkpoint
 * is written in pieces, and a piece written after the last complete checkpoint counts rows after
 * it, which a start must not count again.
 */
record StoredAccount(long accountId, long widgetsSold, Instant lastOrderAt, long asOfSeq) {}
