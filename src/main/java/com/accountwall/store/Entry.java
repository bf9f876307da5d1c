package com.accountwall.store;

import com.accountwall.core.Account;
import com.accountwall.core.Order;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.Receipt;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One change handed to the {@link HistoryWriter}: a request's orders (with its Idempotency-Key, if
 * it has one) or an ending, and the future its caller waits on. The writer stamps it with the time
 * it takes it into a commit, and completes the future once the change is committed and applied to
 * the wall.
 */
abstract sealed class Entry {
  private Entry() {}

  /** Fails the caller's future, unless it is done. */
  abstract void fail(RuntimeException failure);

  /** How many orders it holds, for the backlog. */
  abstract int size();

  /** A request's orders, all or none. */
  static final class Orders extends Entry {
    final List<Order> orders;
    final IdempotencyKey key;
    final CompletableFuture<Receipt> done = new CompletableFuture<>();

    /** The receipt, once the writer has linked the orders; written and read by the writer only. */
    Receipt receipt;

    /**
     * The live account its last order landed on, or null; written before {@link #done} completes.
     */
    volatile Account landed;

    Orders(List<Order> orders, IdempotencyKey key) {
      this.orders = orders;
      this.key = key;
    }

    @Override
    void fail(RuntimeException failure) {
      done.completeExceptionally(failure);
    }

    @Override
    int size() {
      return orders.size();
    }

    /**
     * The widgets of all its orders; a request's total fits a long, or it would not have been
     * linked.
     */
    long widgets() {
      long widgets = 0;
      for (Order order : orders) {
        widgets += order.quantity();
      }
      return widgets;
    }
  }

  /** An ending of one account now. */
  static final class Ending extends Entry {
    final long accountId;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();

    /** Whether the account was live by the history when it took effect; the writer's. */
    boolean wasLive;

    Ending(long accountId) {
      this.accountId = accountId;
    }

    @Override
    void fail(RuntimeException failure) {
      done.completeExceptionally(failure);
    }

    @Override
    int size() {
      return 1;
    }
  }
}
