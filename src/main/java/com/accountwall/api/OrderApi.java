package com.accountwall.api;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.DaemonThreads;
import com.accountwall.core.ProfileStore;
import com.accountwall.display.DisplayState;
import com.accountwall.journal.OrderJournal;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wall's HTTP order API, on Netty, over HTTPS when given a certificate ({@link TlsFiles}).
 * Every answer is JSON (history may also be CSV); every refusal is {@code {"error": "..."}} with a
 * status that says which kind: 400 unreadable, 401 no or wrong token, 403 {@code /metrics} from
 * beyond loopback without its token ({@link #metrics}), 404 no such thing, 405 wrong method, 408
 * too slow, 413 too large, 415 not JSON, 422 an Idempotency-Key reused for another request, 431
 * headers too large, 503 not made durable or too many connections. A refusal with a 4xx status
 * changes nothing; a 503 for orders says in {@code outcome} whether they were "not applied" or
 * their outcome is "unknown" (they may still be stored). Orders are answered only once durable in
 * the wall's {@link OrderJournal}, whichever runs: the embedded database or Kafka; an order with an
 * {@code Idempotency-Key} header is applied once however often it is sent. {@code /api/display}
 * reads and changes the {@link DisplayState} the window follows ({@link DisplayRequests}). The
 * README documents the contract with examples.
 *
 * <p>Non-blocking: a few event-loop threads serve every connection, and an order's answer is
 * written when the journal's future completes, so waiting orders hold no thread, and however many
 * wait, {@code /api/health} is answered. Each connection is held to {@link ApiLimits}.
 *
 * <p>It is made in two steps, so that a start fails on a busy port before it touches the data:
 * {@link #bind} takes the port (accepting no connection yet; they wait in the kernel's backlog),
 * and {@link #serve} starts answering.
 *
 * <p>Thread-safe: {@link #serve} once, then {@link #uri} and {@link #close} from any thread.
 */
public final class OrderApi implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OrderApi.class.getName());
  static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * History questions waiting for the reader past this many are answered 503: each reads the
   * database.
   */
  private static final int HISTORY_QUEUE = 16;

  private final EventLoopGroup loops;
  private final Channel listener;
  private final ApiLimits limits;
  private final TlsFiles tls;
  private final ConnectionCap cap;
  // One reader per core for large bodies; its queue holds at most one body per open connection,
  // as a connection's next request waits for the answer to its last.
  private final ExecutorService bodyReader =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(), DaemonThreads.numbered("api-body"));
  private final ExecutorService historyReader =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(HISTORY_QUEUE),
          DaemonThreads.named("api-history"));
  // Written once by serve() before the listener accepts its first connection (which happens on an
  // event loop after setAutoRead(true) is handed to it), so every connection's setup sees it.
  private volatile ApiChannels channels;
  private MetricsEndpoint metrics; // set, if at all, before serve() on the same thread
  private ProfileStore profiles; // likewise
  private boolean closed;

  private OrderApi(EventLoopGroup loops, Channel listener, ApiLimits limits, TlsFiles tls) {
    this.loops = loops;
    this.listener = listener;
    this.limits = limits;
    this.tls = tls;
    this.cap = new ConnectionCap(limits.maxConnections());
  }

  /**
   * Takes the port at {@code address} with the {@linkplain ApiLimits#defaults() default limits},
   * answering nothing yet; port 0 picks a free one (see {@link #uri()}).
   *
   * @throws IOException if the port cannot be had, such as when another program listens on it
   */
  public static OrderApi bind(InetSocketAddress address) throws IOException {
    return bind(address, ApiLimits.defaults(), null);
  }

  /**
   * {@link #bind(InetSocketAddress)} with other limits, serving HTTPS with {@code tls} if it is not
   * null. Plain HTTP beyond loopback is logged as a warning: the token and the orders would cross
   * the network in clear text.
   */
  public static OrderApi bind(InetSocketAddress address, ApiLimits limits, TlsFiles tls)
      throws IOException {
    Transport transport = Transport.best();
    EventLoopGroup loops = transport.loops();
    OrderApi[] api = new OrderApi[1]; // the connections' setup reads it only after bind returns
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(loops)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    api[0].channels.setUp(channel);
                  }
                });
    try {
      Channel listener = bootstrap.bind(address).syncUninterruptibly().channel();
      api[0] = new OrderApi(loops, listener, limits, tls);
      if (tls == null && !address.getAddress().isLoopbackAddress()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "the order API listens on "
                + address
                + " without TLS: the token and the orders"
                + " cross the network in clear text; serve it with a TLS certificate and key");
      }
      LOG.log(
          System.Logger.Level.DEBUG,
          "order API bound on " + listener.localAddress() + " with " + transport.name());
      return api[0];
    } catch (Exception e) {
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e instanceof IOException io
          ? io
          : new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts answering: orders go to {@code orders}, the accounts are read from {@code supervisor},
   * {@code /api/display} reads and changes {@code display}, and requests must carry {@code token}.
   */
  public void serve(
      OrderJournal orders, AccountSupervisor supervisor, DisplayState display, String token) {
    serve(orders, supervisor, display, new BearerToken(token));
  }

  /**
   * {@link #serve(OrderJournal, AccountSupervisor, DisplayState, String)} taking any of the tokens
   * in {@code tokens}, one per order system.
   */
  public void serve(
      OrderJournal orders, AccountSupervisor supervisor, DisplayState display, TokenFile tokens) {
    serve(orders, supervisor, display, (TokenCheck) tokens);
  }

  /**
   * Serves {@code GET /metrics} from {@code endpoint} and records the API's meters in its registry;
   * call it before {@code serve}, on the same thread. Without it {@code /metrics} is 404.
   */
  public void metrics(MetricsEndpoint endpoint) {
    if (channels != null) {
      throw new IllegalStateException("the API serves already: give it its metrics before");
    }
    this.metrics = endpoint;
  }

  /**
   * Serves {@code PUT /api/accounts/{id}/profile}, keeping each profile in {@code store}; call it
   * before {@code serve}, on the same thread. Without it that endpoint is 404.
   */
  public void profiles(ProfileStore store) {
    if (channels != null) {
      throw new IllegalStateException("the API serves already: give it its profile store before");
    }
    this.profiles = store;
  }

  private void serve(
      OrderJournal orders, AccountSupervisor supervisor, DisplayState display, TokenCheck tokens) {
    ApiRoutes routes =
        new ApiRoutes(
            orders,
            supervisor,
            display,
            tokens,
            bodyReader,
            historyReader,
            Clock.systemUTC(),
            metrics,
            profiles);
    channels = new ApiChannels(cap, limits, tls, routes);
    listener.config().setAutoRead(true);
  }

  /** Where it listens, with the real port. */
  public URI uri() {
    InetSocketAddress address = (InetSocketAddress) listener.localAddress();
    String host = address.getAddress().getHostAddress();
    return URI.create(
        (tls == null ? "http://" : "https://")
            + (host.contains(":") ? "[" + host + "]" : host)
            + ":"
            + address.getPort());
  }

  /** How many connections are open now. */
  int openConnections() {
    return cap.open();
  }

  /** Stops answering, closes every connection and frees the port; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      listener.close().syncUninterruptibly();
      loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      bodyReader.shutdownNow();
      historyReader.shutdownNow();
    }
  }
}
