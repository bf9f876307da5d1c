package com.accountwall.bench;

import com.accountwall.Wall;
import com.accountwall.api.CandidateCodec;
import com.accountwall.api.CandidateCodec.Reply;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.OrderJournal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The order API's second candidate server for issue 13: Jetty 12's core API (no servlets), with its
 * own I/O and HTTP parser, serving the same headless {@link Wall} as the wall's own Netty API, so
 * the same journal, SQLite file and fsync. It answers two requests as the Netty API does, with the
 * API's own checks and JSON ({@link CandidateCodec}):
 *
 * <ul>
 *   <li>{@code GET /api/health}: {@code {"status":"ok"}}, or 503 with the journal's problems;
 *   <li>{@code POST /api/orders} of one order {@code {"accountId": N}} with the Bearer token:
 *       placed with {@link OrderJournal#place}, whose future the journal's writer completes after
 *       the commit's fsync, and answered 200 with the account as the API shows it once it does, or
 *       503 after {@link OrderJournal#ACKNOWLEDGE_TIMEOUT}. No thread waits for the commit: the
 *       handler returns at once and the answer is written through Jetty's {@link Callback}.
 * </ul>
 *
 * Anything else is a minimal refusal (400, 401, 404 or 415 in the API's {@code {"error": "..."}}
 * shape); batches and {@code Idempotency-Key} are not served. A benchmark candidate, not a product
 * path: it listens on 127.0.0.1 only, on a free port.
 *
 * <p>Thread-safe: {@link #start} once, then {@link #port} and {@link #close} from any thread; the
 * handler is called on Jetty's threads, any number at once, and keeps no state of its own.
 */
final class JettyCandidate implements AutoCloseable {
  /** As the Netty API's limit on a body; a single order is a few dozen bytes. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final Server server;
  private final ServerConnector connector;

  private JettyCandidate(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Serves {@code wall}'s journal and accounts, taking requests that carry {@code token}. */
  static JettyCandidate start(Wall wall, String token) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("jetty-api");
    threads.setDaemon(true); // as the JDK server's threads: the bench server ends by System.exit
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // The Netty API sends neither: without them the answers carry the same headers, and Jetty
    // does not format a date per answer that Netty does not.
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    // As the Netty API: its backlog (Jetty's default is the JDK's 50) and its keep-alive idleness
    // (Jetty's default is 30 s); Nagle is off by Jetty's default, as in Netty's setup.
    connector.setAcceptQueueSize(4096);
    connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(60));
    server.addConnector(connector);
    server.setHandler(
        new Routes(
            wall.orders(),
            wall.supervisor(),
            CandidateCodec.bearer(token),
            server.getThreadPool()));
    server.start();
    return new JettyCandidate(server, connector);
  }

  /** The port it listens on. */
  int port() {
    return connector.getLocalPort();
  }

  /** Stops answering and closes every connection. */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  /**
   * The two routes. Declared non-blocking, as it is: Jetty may then call it on the selector's own
   * thread, as Netty calls its handlers on the event loop, rather than hand each request to a pool
   * thread first.
   */
  private static final class Routes extends Handler.Abstract {
    private static final HttpField JSON =
        new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, CandidateCodec.JSON_TYPE);
    private final OrderJournal journal;
    private final AccountSupervisor supervisor;
    private final Predicate<String> bearer;
    private final Executor answers;

    /**
     * @param answers where an order's answer is made once it is durable, as the Netty API makes it
     *     on the connection's event loop: the journal's writer only hands the receipt over and goes
     *     on to its next commit, rather than writing every answer's JSON between two commits
     */
    Routes(
        OrderJournal journal,
        AccountSupervisor supervisor,
        Predicate<String> bearer,
        Executor answers) {
      super(Invocable.InvocationType.NON_BLOCKING);
      this.journal = journal;
      this.supervisor = supervisor;
      this.bearer = bearer;
      this.answers = answers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String method = request.getMethod();
      String path = Request.getPathInContext(request);
      if (path.equals("/api/health") && method.equals("GET")) {
        send(response, callback, CandidateCodec.health(journal));
      } else if (path.equals("/api/orders") && method.equals("POST")) {
        if (bearer.test(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
          order(request, response, callback);
        } else {
          send(response, callback, CandidateCodec.unauthorized());
        }
      } else {
        send(response, callback, CandidateCodec.notServed(method, path));
      }
      return true; // handled, now or when the callback is completed
    }

    /**
     * Reads the body without blocking (a single order has usually arrived with its headers, so the
     * future is complete at once), places the order, and answers when the journal's future does.
     */
    private void order(Request request, Response response, Callback callback) {
      String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES)
          .whenComplete(
              (body, unread) -> {
                if (unread != null) {
                  callback.failed(unread); // the client went away, or sent too much: Jetty answers
                  return;
                }
                Order order;
                try {
                  order = CandidateCodec.single(contentType, body);
                } catch (RuntimeException refused) {
                  send(response, callback, CandidateCodec.refusal(refused));
                  return;
                }
                // A copy bears the timeout, as the Netty API's does: the journal's own future is
                // left to the journal.
                journal
                    .place(List.of(order))
                    .copy()
                    .orTimeout(OrderJournal.ACKNOWLEDGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)
                    .whenCompleteAsync(
                        (receipt, failure) ->
                            send(
                                response,
                                callback,
                                failure == null
                                    ? CandidateCodec.placed(receipt, supervisor)
                                    : CandidateCodec.refusal(failure)),
                        answers);
              });
    }

    /**
     * Writes {@code reply} as the whole response; Jetty completes {@code callback} once written.
     */
    private static void send(Response response, Callback callback, Reply reply) {
      response.setStatus(reply.status());
      response.getHeaders().put(JSON);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.json().length);
      response.write(true, ByteBuffer.wrap(reply.json()), callback);
    }
  }
}
