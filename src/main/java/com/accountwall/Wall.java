package com.accountwall;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiToken;
import com.accountwall.api.OrderApi;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.DaemonThreads;
import com.accountwall.core.ExpiryTicker;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.OrderJournal;
import com.accountwall.kafka.KafkaOrders;
import com.accountwall.kafka.KafkaSettings;
import com.accountwall.store.AccountDatabase;
import com.accountwall.store.EmbeddedJournal;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One running wall without its window: the database, the supervisor restored from its order
 * journal, expiry, the order API and the generator. The seed's supervision tree, started in order
 * and stopped in reverse; the window, when there is one, only looks at it.
 *
 * <p>The journal, the order history, is the embedded database ({@link EmbeddedJournal}) unless
 * {@code --kafka} names a cluster ({@link KafkaOrders}); then the database only names accounts.
 * Every source of orders (the API, the window's buttons, the generator) writes to the journal, and
 * the wall shows what the journal made durable.
 */
public final class Wall implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Wall.class.getName());
  private static final Duration RETENTION = Duration.ofDays(7);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Clock clock;
  private AccountSupervisor supervisor;
  private OrderJournal orders;
  private OrderApi api;
  private OrderGenerator generator;
  private ApiToken token;

  private Wall(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts a wall and prints {@code listening on http://HOST:PORT · lifetime …}, see {@link #startLine}.
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
    System.out.println(wall.startLine(options));
    System.out.flush();
    return wall;
  }

  /**
   * Starts the parts in an order that changes nothing in the data folder before the start can no
   * longer fail for an everyday reason: the port first, expiry and simulated orders last.
   */
  private void startParts(WallOptions options) throws IOException, SQLException {
    api = OrderApi.bind(new InetSocketAddress(options.bind, options.port));
    started.push(api); // frees the port if the start fails
    AccountDatabase database = AccountDatabase.open(options.databaseUrl());
    started.push(database);
    ExecutorService lookups = Executors.newSingleThreadExecutor(DaemonThreads.named("account-directory"));
    started.push(lookups::shutdownNow);
    supervisor = AccountSupervisor.builder()
        .clock(clock)
        .lifetime(options.lifetime)
        .directory(database.directory())
        .enrichmentExecutor(lookups)
        .build();
    KafkaSettings kafka = options.kafkaSettings();
    if (kafka == null) {
      Duration retention = options.lifetime.compareTo(RETENTION) > 0 ? options.lifetime : RETENTION;
      orders = EmbeddedJournal.open(supervisor, database, clock, retention);
    } else {
      orders = KafkaOrders.start(kafka, options.wallId, options.dataFolder(), supervisor, clock);
    }
    started.push(orders);
    token = ApiToken.resolve(options.token, options.dataFolder());
    token.keep(); // the port is ours and the journal open: nothing everyday can fail the start from here
    api.serve(orders, supervisor, token.value());
    started.push(api); // and on close, stops taking orders before the journal stops
    started.push(new ExpiryTicker(supervisor));
    // Simulated orders are orders like any other: into the history, a tick's worth per commit.
    OrderGenerator.Builder generatorBuilder = OrderGenerator.builder(orders::place)
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

  /**
   * Orders that are durable when answered: the embedded database's or Kafka's. The window's buttons
   * order and end here too, so what they report done is durable, and a journal that cannot store
   * says so in the status bar.
   */
  public OrderJournal orders() {
    return orders;
  }

  public OrderGenerator generator() {
    return generator;
  }

  /** The API's address, and its token when the wall made or kept it rather than being given it. */
  public ApiEndpoint endpoint() {
    return new ApiEndpoint(api.uri(), token.file() != null ? token.value() : null);
  }

  /** Where the API listens, the lifetime and where it came from, the data folder, and the token, abbreviated. */
  String startLine(WallOptions options) {
    return "listening on " + api.uri() + " · lifetime " + options.describeLifetime()
        + " · data " + options.dataFolder().toAbsolutePath() + " · " + token.describe();
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
