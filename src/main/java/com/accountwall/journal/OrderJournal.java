package com.accountwall.journal;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.Order;
import java.time.Duration;
import java.util.List;

/**
 * Where acknowledged orders are kept: the one thing the API, the window and the generator hand
 * orders and endings to, whichever journal runs. A single wall keeps them in its embedded database
 * ({@link com.accountwall.store.DurableOrders}); walls in cluster mode share a Kafka topic ({@link
 * com.accountwall.kafka.KafkaOrders}). Either way every change reaches the {@link
 * com.accountwall.core.AccountSupervisor}, whose listeners (the window) hear it like any other.
 *
 * <p>A method that returns has made its change durable, as its implementation defines durable; one
 * that cannot do so in time throws {@link JournalUnavailableException} and has not acknowledged it.
 *
 * <p><b>Thread safety:</b> all methods may be called from any number of threads.
 */
public interface OrderJournal extends AccountDesk, AutoCloseable {

  /** How long a caller waits at most for its change to be made durable before it is answered 503. */
  Duration ACKNOWLEDGE_TIMEOUT = Duration.ofSeconds(30);

  /** How long a journal recognises an {@link IdempotencyKey} after its first request, at least. */
  Duration KEYS_KEPT = Duration.ofHours(24);

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
   * Applies every order, all or none, and returns once all are durable.
   *
   * @return how many orders were accepted
   * @throws JournalUnavailableException if they could not be made durable in time
   */
  int orderAll(List<Order> orders);

  /**
   * Applies every order, all or none, at most once for {@code key}: the first request with a key
   * applies its orders and keeps the key with its receipt in the same commit; a later one with the
   * same key and fingerprint applies nothing and gets that receipt {@linkplain Receipt#repeat()
   * as a repeat}, once it is durable. A repeat that arrives while the first request is still
   * waiting for its commit waits for the same commit.
   *
   * @return what the first request with this key applied
   * @throws IdempotencyKeyReusedException if the key was first used with another fingerprint
   * @throws JournalUnavailableException if the orders could not be made durable in time
   */
  Receipt orderOnce(IdempotencyKey key, List<Order> orders);

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the ending is durable and applied to this wall's accounts.
   *
   * @throws JournalUnavailableException if it could not be made durable in time
   */
  @Override
  boolean end(long accountId);

  /**
   * What keeps the journal from acknowledging orders now, each said for an operator ("orders
   * cannot be stored: no space left on the data folder's disk, since 14:05:12"); empty while it
   * can. Cheap enough for a health check several times a second.
   */
  List<String> problems();
}
