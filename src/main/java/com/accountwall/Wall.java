package com.accountwall;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiLimits;
import com.accountwall.api.ApiToken;
import com.accountwall.api.MetricsEndpoint;
import com.accountwall.api.OrderApi;
import com.accountwall.api.TlsFiles;
import com.accountwall.api.TokenFile;
import com.accountwall.core.AccountProfile;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.DaemonThreads;
import com.accountwall.core.ExpiryTicker;
import com.accountwall.display.DisplayState;
import com.accountwall.files.SettingsFile;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.OrderJournal;
import com.accountwall.kafka.KafkaOrders;
import com.accountwall.kafka.KafkaSettings;
import com.accountwall.metrics.WallMetrics;
import com.accountwall.store.AccountDatabase;
import com.accountwall.store.AccountsFile;
import com.accountwall.store.EmbeddedJournal;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running wall without its window: the database, the supervisor restored from its order
 * journal, expiry, the order API, the generator and the display's state ({@link DisplayState}). The
 * seed's supervision tree, started in order and stopped in reverse; the window, when there is one,
 * only looks at it.
 *
 * <p>The journal, the order history, is the embedded database ({@link EmbeddedJournal}) unless
 * {@code --kafka} names a cluster ({@link KafkaOrders}); then the database only names accounts.
 * Every source of orders (the API, the window's buttons, the generator) writes to the journal, and
 * the wall shows what the journal made durable.
 */
public final class Wall implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Wall.class.getName());

  /** How long new accounts gather before their profiles are read from the directory at once. */
  private static final long LOOKUP_GATHERING_MILLIS = 20;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Clock clock;
  private AccountSupervisor supervisor;
  private OrderJournal orders;
  private OrderApi api;
  private OrderGenerator generator;
  private DisplayState display;
  private ApiToken token;
  private TokenFile tokens;
  private WallMetrics metrics;
  private long widgetsAtStart;

  private Wall(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts a wall as the command line and the settings saved in its data folder say ({@link
   * WallOptions#configWithSavedSettings()}), as {@link Launcher} does, for tests and harnesses that
   * start one from arguments.
   *
   * @throws IOException if the API cannot listen or the data folder cannot be written
   * @throws SQLException if the database cannot be opened
   */
  public static Wall start(WallOptions options, Clock clock) throws IOException, SQLException {
    return start(options.configWithSavedSettings(), clock);
  }

  /**
   * Starts a wall and prints {@code listening on http://HOST:PORT · lifetime …}, see {@link
   * #startLine}.
   *
   * @throws IOException if the API cannot listen or the data folder cannot be written
   * @throws SQLException if the database cannot be opened
   */
  public static Wall start(WallConfig config, Clock clock) throws IOException, SQLException {
    Wall wall = new Wall(clock);
    try {
      wall.startParts(config);
    } catch (IOException | SQLException | RuntimeException e) {
      wall.close();
      throw e;
    }
    System.out.println(wall.startLine(config));
    System.out.flush();
    return wall;
  }

  /**
   * Starts the parts in an order that changes nothing in the data folder before the start can no
   * longer fail for an everyday reason: the port first, expiry and simulated orders last.
   */
  private void startParts(WallConfig config) throws IOException, SQLException {
    // Read and checked whole before anything else: a file refused changes nothing anywhere.
    Map<Long, AccountProfile> imported =
        config.importAccounts() == null ? null : AccountsFile.read(config.importAccounts());
    TlsFiles tls =
        config.tlsCertificate() == null
            ? null
            : TlsFiles.load(config.tlsCertificate(), config.tlsKey());
    api =
        OrderApi.bind(
            new InetSocketAddress(config.bind(), config.port()), ApiLimits.defaults(), tls);
    started.push(api); // frees the port if the start fails
    metrics = new WallMetrics();
    started.push(metrics);
    tokens = config.tokensFile() == null ? null : TokenFile.load(config.tokensFile());
    AccountDatabase database = AccountDatabase.open(config.databaseUrl());
    started.push(database);
    if (imported != null) {
      // Before the restore, so the accounts it puts back are named from the file at once.
      String report = AccountsFile.report(config.importAccounts(), database.putProfiles(imported));
      System.out.println(report);
      LOG.log(Level.INFO, report);
    }
    ScheduledExecutorService lookups =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("account-directory"));
    started.push(
        () -> { // a lookup in flight finishes before the database closes, so it fails no read
          lookups.shutdownNow();
          lookups.awaitTermination(5, TimeUnit.SECONDS);
        });
    ExecutorService profileWriter =
        Executors.newSingleThreadExecutor(DaemonThreads.named("account-profiles"));
    started.push(
        () -> { // a profile being stored commits before the database closes
          profileWriter.shutdown();
          profileWriter.awaitTermination(5, TimeUnit.SECONDS);
        });
    supervisor =
        AccountSupervisor.builder()
            .clock(clock)
            .lifetime(config.lifetime())
            .directory(database.directory())
            // A moment's wait lets a burst of new accounts share one directory read: under
            // thousands of new accounts a second, a read each cost a tenth of the order path's CPU.
            .enrichmentExecutor(
                task -> lookups.schedule(task, LOOKUP_GATHERING_MILLIS, MILLISECONDS))
            .build();
    KafkaSettings kafka = config.kafkaSettings();
    metrics.follow(supervisor, clock);
    if (kafka == null) {
      EmbeddedJournal embedded =
          EmbeddedJournal.open(supervisor, database, clock, config.retention());
      embedded.bindMeters(metrics.registry());
      orders = embedded;
    } else {
      KafkaOrders cluster =
          KafkaOrders.start(kafka, config.wallId(), config.dataFolder(), supervisor, clock);
      cluster.bindMeters(metrics.registry());
      orders = cluster;
    }
    started.push(orders);
    // What was restored, before the API or the generator can add to it: the wall's start.
    widgetsAtStart = supervisor.totalWidgetsOrdered();
    // Cluster mode too: names are the wall's own, kept in its database beside the journal.
    api.profiles(database.profileStore(profileWriter));
    api.metrics(
        new MetricsEndpoint(
            metrics.registry(), metrics::scrape, WallMetrics.CONTENT_TYPE, config.metricsToken()));
    startDisplay(config);
    if (tokens != null) {
      api.serve(orders, supervisor, display, tokens);
    } else {
      token = ApiToken.resolve(config.token(), config.dataFolder());
      token.keep(); // the port is ours and the journal open: nothing everyday can fail the start
      // from here
      api.serve(orders, supervisor, display, token.value());
    }
    started.push(api); // and on close, stops taking orders before the journal stops
    started.push(new ExpiryTicker(supervisor));
    if (config.generatorOnStart()) {
      generator.start();
    }
  }

  /**
   * The simulated orders, paused, and the display's state over them, which saves to the settings
   * file in the data folder on a thread of its own; the last save asked finishes before the wall
   * stops.
   */
  private void startDisplay(WallConfig config) {
    // Simulated orders are orders like any other: into the history, a tick's worth per commit.
    OrderGenerator.Builder generatorBuilder =
        OrderGenerator.builder(orders::place).rate(config.rate()).poolSize(config.accounts());
    if (config.seed() != null) {
      generatorBuilder.seed(config.seed());
    }
    generator = generatorBuilder.build();
    started.push(generator);
    ExecutorService saves = Executors.newSingleThreadExecutor(DaemonThreads.named("settings-save"));
    started.push(
        () -> { // the last change is kept; a save cut short leaves the old file, never half a new
          // one
          saves.shutdown();
          saves.awaitTermination(2, TimeUnit.SECONDS);
        });
    SettingsFile settingsFile = new SettingsFile(config.dataFolder());
    display =
        DisplayState.builder(config.settings(), generator, orders::changeLifetime)
            .headless(config.headless())
            .longestLifetime(config.retention())
            .memory(settingsFile::save, saves)
            .build();
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

  /**
   * Widgets of the live accounts as the wall started: those restored from the order history, before
   * any order of this run. What "since start" counts from.
   */
  public long widgetsAtStart() {
    return widgetsAtStart;
  }

  public OrderGenerator generator() {
    return generator;
  }

  /** The wall's meters, served on {@code /metrics}; the window adds its own to them. */
  WallMetrics metrics() {
    return metrics;
  }

  /**
   * What the window shows and how, which the window and {@code /api/display} change: the one home
   * of those settings, remembered in the data folder.
   */
  public DisplayState display() {
    return display;
  }

  /** The API's address and the token, or the file of named tokens, it takes. */
  public ApiEndpoint endpoint() {
    return new ApiEndpoint(api.uri(), token, tokens);
  }

  /**
   * Where the API listens, the lifetime and where it came from, the data folder, and the token,
   * abbreviated.
   */
  String startLine(WallConfig config) {
    return "listening on "
        + api.uri()
        + " · lifetime "
        + config.describeLifetime()
        + " · data "
        + config.dataFolder().toAbsolutePath()
        + " · "
        + (token != null
            ? token.describe()
            : "API tokens from " + config.tokensFile().toAbsolutePath());
  }

  /**
   * Stops everything in reverse order; orders already applied are committed first. From any thread:
   * a second caller (the window closing while a shutdown hook stops the wall) waits for the first
   * and finds nothing left to stop.
   */
  @Override
  public synchronized void close() {
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
