package com.accountwall.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This wall's own requests waiting for the wall to apply the event they wrote: so a caller whose
 * order was acknowledged by Kafka reads it back from this wall (read-your-writes), and learns the
 * account it landed on. A request registers before it writes, so the event cannot be applied
 * unseen.
 *
 * <p><b>Thread safety:</b> requests register from any thread; the log follower completes them.
 */
final class AppliedEvents {
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentMap<Long, CompletableFuture<AppliedEvent>> waiting =
      new ConcurrentHashMap<>();

  /** A new request's number, with the future its result will come in. */
  record Ticket(long seq, CompletableFuture<AppliedEvent> applied) {}

  Ticket register() {
    long seq = sequence.incrementAndGet();
    CompletableFuture<AppliedEvent> applied = new CompletableFuture<>();
    waiting.put(seq, applied);
    return new Ticket(seq, applied);
  }

  /** The caller gave up on it (it was never written, or it timed out). */
  void forget(long seq) {
    waiting.remove(seq);
  }

  void applied(long seq, AppliedEvent result) {
    CompletableFuture<AppliedEvent> applied = waiting.remove(seq);
    if (applied != null) {
      applied.complete(result);
    }
  }

  void failed(long seq, Throwable failure) {
    CompletableFuture<AppliedEvent> applied = waiting.remove(seq);
    if (applied != null) {
      applied.completeExceptionally(failure);
    }
  }

  /** Releases every waiting request with {@code failure}: the wall is stopping. */
  void failAll(Throwable failure) {
    waiting.values().forEach(applied -> applied.completeExceptionally(failure));
    waiting.clear();
  }
}
