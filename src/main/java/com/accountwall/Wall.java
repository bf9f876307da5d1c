package com.accountwall;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiToken;
import com.accountwall.api.OrderApi;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.ExpiryTicker;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.OrderJournal;
import com.accountwall.kafka.KafkaOrders;
import com.accountwall.kafka.KafkaSettings;
import com.accountwall.store.AccountDatabase;
import com.accountwall.store.DurableOrders;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One running wall without its window: the database, the supervisor restored from its order
 * journal, expiry, the order API and the generator. The seed's supervision tree, started in order
 * and stopped in reverse; the window, when there is one, only looks at it.
 *
 * <p>The journal is the embedded database ({@link DurableOrders}) unless {@code --kafka} names a
 * cluster ({@link KafkaOrders}); then the database only names accounts, and every order from the
 * window and the generator goes through the shared log too, or the walls would drift apart.
 */
public final class Wall implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Wall.class.getName());

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Clock clock;
  private AccountSupervisor supervisor;
  private OrderJournal orders;
  private AccountDesk desk;
  private OrderApi api;
  private OrderGenerator generator;
  private ApiToken token;

  private Wall(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts a wall and prints {@code listening on http://HOST:PORT}.
   *
   * @throws IOException if the API cannot listen or the data folder cannot be written
   * @throws SQLException if the database cannot be opened
   */
  public static Wall start(WallOptions options, Clock clock) throws IOException, SQLException {
    Wall wall = new Wall(clock);
    try {
      wall.startParts(options);
    } catch (IOException | SQLException | RuntimeException e) {
      wall.close();
      throw e;
    }
    System.out.println(wall.listeningLine());
    System.out.flush();
    return wall;
  }

  private void startParts(WallOptions options) throws IOException, SQLException {
    AccountDatabase database = AccountDatabase.open(options.databaseUrl());
    started.push(database);
    ExecutorService lookups = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "account-directory");
      thread.setDaemon(true);
      return thread;
    });
    started.push(lookups::shutdownNow);
    supervisor = AccountSupervisor.builder()
        .clock(clock)
        .lifetime(options.lifetime)
        .directory(database.directory())
        .enrichmentExecutor(lookups)
        .build();
    KafkaSettings kafka = options.kafkaSettings();
    if (kafka == null) {
      orders = DurableOrders.restore(supervisor, database);
      // The window and the generator order in memory; DurableOrders hears and stores every change.
      desk = supervisor;
    } else {
      orders = KafkaOrders.start(kafka, options.wallId, options.dataFolder(), supervisor, clock);
      desk = orders;
    }
    started.push(orders);
    started.push(new ExpiryTicker(supervisor));
    token = ApiToken.resolve(options.token, options.dataFolder());
    api = OrderApi.start(new InetSocketAddress(options.bind, options.port), orders, supervisor, token.value());
    started.push(api);
    OrderGenerator.Builder generatorBuilder = OrderGenerator.builder(desk)
        .rate(options.rate)
        .poolSize(options.accounts);
    if (options.seed != null) {
      generatorBuilder.seed(options.seed);
    }
    generator = generatorBuilder.build();
    started.push(generator);
    if (options.generatorOnStart()) {
      generator.start();
    }
  }

  /** The time the wall's deadlines are kept in; anything that shows time left reads this one. */
  public Clock clock() {
    return clock;
  }

  public AccountSupervisor supervisor() {
    return supervisor;
  }

  /** Orders that are durable when answered: the embedded database's or Kafka's. */
  public OrderJournal orders() {
    return orders;
  }

  /** Where the window's buttons send orders and endings. */
  public AccountDesk desk() {
    return desk;
  }

  public OrderGenerator generator() {
    return generator;
  }

  /** The API's address, and its token when the wall made or kept it rather than being given it. */
  public ApiEndpoint endpoint() {
    return new ApiEndpoint(api.uri(), token.file() != null ? token.value() : null);
  }

  String listeningLine() {
    String line = "listening on " + api.uri();
    return token.generated() ? line + " (generated API token " + token.value() + ", kept in " + token.file() + ")" : line;
  }

  /** Stops everything in reverse order; orders already applied are committed first. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "stopping " + part + " failed", e);
      }
    }
  }
}
