package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.journal.AccountChains;
import org.junit.jupiter.api.Test;

/** How a commit's orders become rows: one per account and millisecond, however many orders. */
class HistoryBatchTest {
  private static final long AT = 1_000;

  @Test
  void ordersOfOneAccountInOneMillisecondShareARowEvenPastTheExpectedSize() {
    HistoryBatch batch = new HistoryBatch(1);
    long seq = 0;
    for (int round = 1; round <= 3; round++) {
      for (long id = 1; id <= 1_000; id++) {
        if (batch.order(seq + 1, id, 1, AT, new AccountChains.Link(round > 1, round, AT))) {
          seq++;
        }
      }
    }

    assertEquals(1_000, seq, "one row per account");
    assertEquals(1_000, batch.rows.size());
    for (int i = 0; i < batch.rows.size(); i++) {
      HistoryRow row = batch.rows.get(i);
      assertEquals(new HistoryRow(i + 1, i + 1, 3, AT), row);
      assertEquals(new AccountChains.Link(false, 3, AT), batch.links.get(i), "first link's start");
    }
  }

  @Test
  void anOrderAfterAnEndOrInAnotherMillisecondTakesARowOfItsOwn() {
    HistoryBatch batch = new HistoryBatch(4);

    assertTrue(batch.order(1, 7, 1, AT, new AccountChains.Link(false, 1, AT)));
    batch.end(2, 7, AT);
    assertTrue(batch.order(3, 7, 1, AT, new AccountChains.Link(false, 1, AT)), "after its end");
    assertFalse(batch.order(4, 7, 1, AT, new AccountChains.Link(true, 2, AT)), "joins that row");
    assertTrue(batch.order(4, 7, 1, AT + 1, new AccountChains.Link(true, 3, AT + 1)), "later");

    assertEquals(4, batch.rows.size());
    assertEquals(2, batch.rows.get(2).quantity());
  }
}
