package com.accountwall.journal;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The order history: the one record of every acknowledged order and ending, from every source (the
 * API, the window, the generator), in the order they took effect. The wall's accounts are a
 * projection of it: the journal applies to the {@link com.accountwall.core.AccountSupervisor} what
 * it has made durable, after it is durable, by the rule of {@link AccountChains}, so that a change
 * of lifetime or a restart derives the same accounts from the same history. A single wall keeps the
 * history in its embedded database ({@link com.accountwall.store.EmbeddedJournal}); walls in
 * cluster mode share a Kafka topic ({@link com.accountwall.kafka.KafkaOrders}).
 *
 * <p>A future this journal returns completes once its change is durable and applied to this wall's
 * accounts, as its implementation defines durable, and no later than {@link #ACKNOWLEDGE_TIMEOUT};
 * it fails with {@link JournalUnavailableException} when the change cannot be made durable (which
 * then says whether it may still take effect). No method that returns a future blocks; the
 * synchronous ones wait for it, for callers that have a thread to spare.
 *
 * <p><b>Thread safety:</b> all methods may be called from any number of threads.
 */
public interface OrderJournal extends AccountDesk, AutoCloseable {

  /**
   * How long a caller waits at most for its change to be made durable before it is answered 503.
   */
  Duration ACKNOWLEDGE_TIMEOUT = Duration.ofSeconds(30);

  /** How long a journal recognises an {@link IdempotencyKey} after its first request, at least. */
  Duration KEYS_KEPT = Duration.ofHours(24);

  /**
   * Appends every order, all or none, without waiting.
   *
   * @param orders at least one
   * @return completes with the receipt of the last order once all are durable and applied; fails
   *     with {@link JournalUnavailableException}
   * @throws IllegalArgumentException if {@code orders} is empty
   */
  CompletableFuture<Receipt> place(List<Order> orders);

  /**
   * Appends every order, all or none, at most once for {@code key}, without waiting: the first
   * request with a key applies its orders and keeps the key with its receipt in the same commit; a
   * later one with the same key and fingerprint applies nothing and gets that receipt {@linkplain
   * Receipt#repeat() as a repeat}, once it is durable. A repeat that arrives while the first
   * request is still waiting for its commit waits for the same commit.
   *
   * @return completes with what the first request with this key applied; fails with {@link
   *     IdempotencyKeyReusedException} if the key was first used with another fingerprint, or with
   *     {@link JournalUnavailableException}
   * @throws IllegalArgumentException if {@code orders} is empty
   */
  CompletableFuture<Receipt> placeOnce(IdempotencyKey key, List<Order> orders);

  /**
   * Appends an ending of the account now, without waiting.
   *
   * @return completes with whether the account was live when the ending took effect
   * @throws IllegalArgumentException if {@code accountId} is not positive
   */
  CompletableFuture<Boolean> placeEnd(long accountId);

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the order is durable and applied to this wall's accounts.
   *
   * @throws JournalUnavailableException if it could not be made durable in time
   */
  @Override
  Account order(long accountId, long quantity);

  /**
   * Applies every order, all or none, and returns once all are durable: {@link #place} waited for.
   *
   * @return how many orders were accepted
   * @throws JournalUnavailableException if they could not be made durable in time
   */
  default int orderAll(List<Order> orders) {
    return orders.isEmpty() ? 0 : await(place(orders)).accepted();
  }

  /**
   * {@link #placeOnce} waited for.
   *
   * @throws IdempotencyKeyReusedException if the key was first used with another fingerprint
   * @throws JournalUnavailableException if the orders could not be made durable in time
   */
  default Receipt orderOnce(IdempotencyKey key, List<Order> orders) {
    return await(placeOnce(key, orders));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link #placeEnd} waited for.
   *
   * @throws JournalUnavailableException if it could not be made durable in time
   */
  @Override
  default boolean end(long accountId) {
    return await(placeEnd(accountId));
  }

  /**
   * Projects the history anew under {@code lifetime}, in the background: nothing is deleted, so a
   * shorter lifetime takes accounts off the wall and a longer one, within the history kept, brings
   * them back with the counts the history gives them. Orders keep being taken meanwhile; {@link
   * #reprojection()} tells how far it is.
   *
   * @throws IllegalArgumentException if {@code lifetime} is outside the bounds {@link
   *     com.accountwall.settings.WallSettings#checkLifetime} allows
   */
  void changeLifetime(Duration lifetime);

  /**
   * The re-projection under way, if a lifetime change (or a start with another lifetime) is being
   * applied.
   */
  Optional<Reprojection> reprojection();

  /**
   * Orders and widgets per step from {@code from} (inclusive) to {@code to} (exclusive), from the
   * history kept: one entry per step, empty steps included.
   *
   * @param step a whole number of minutes
   * @throws IllegalArgumentException if the step is not a positive whole number of minutes, {@code
   *     to} is before {@code from}, or the range holds more than {@link HistoryStep#MAX_STEPS}
   *     steps
   * @throws JournalUnavailableException if the history cannot be read now
   */
  List<HistoryStep> history(Instant from, Instant to, Duration step);

  /**
   * One account id's orders and widgets per step, as {@link #history} counts the whole floor's:
   * every order made for the id in the range, whichever of its accounts (an id's account may have
   * ended and a later order started another) it went to. An ending is no order.
   *
   * @param step a whole number of minutes
   * @throws IllegalArgumentException as {@link #history} does, or if {@code accountId} is not
   *     positive
   * @throws JournalUnavailableException if the history cannot be read now, or this journal keeps
   *     none per account
   */
  List<HistoryStep> accountHistory(long accountId, Instant from, Instant to, Duration step);

  /**
   * What keeps the journal from acknowledging orders now, each said for an operator ("orders cannot
   * be stored: no space left on the data folder's disk, since 14:05:12"); empty while it can. Cheap
   * enough for a health check several times a second.
   */
  List<String> problems();

  /**
   * Waits for a change this journal was handed, at most {@link #ACKNOWLEDGE_TIMEOUT}, and unwraps
   * its failure.
   *
   * @throws JournalUnavailableException if it failed so, or was not acknowledged in time
   */
  static <T> T await(CompletableFuture<T> change) {
    try {
      return change.get(ACKNOWLEDGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException failure) {
        throw failure;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new JournalUnavailableException(
          "not made durable within "
              + ACKNOWLEDGE_TIMEOUT.toSeconds()
              + " s; it may still be stored: retry with the same Idempotency-Key");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalUnavailableException(
          "interrupted while waiting for the change to be made durable");
    }
  }
}
