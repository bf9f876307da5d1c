package com.accountwall.journal;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.Order;
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
   * {@inheritDoc}
   *
   * <p>Returns once the ending is durable and applied to this wall's accounts.
   *
   * @throws JournalUnavailableException if it could not be made durable in time
   */
  @Override
  boolean end(long accountId);
}
