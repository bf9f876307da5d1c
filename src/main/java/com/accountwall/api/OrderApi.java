package com.accountwall.api;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.DaemonThreads;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The wall's HTTP order API, on the JDK's own HTTP server. Every answer is JSON; every refusal is
 * {@code {"error": "..."}} with a status that says which kind: 400 unreadable, 401 no or wrong
 * token, 404 no such thing, 405 wrong method, 413 too large, 415 not JSON, 422 an Idempotency-Key
 * reused for another request, 503 not made durable. A refusal with a 4xx status changes nothing; a
 * 503 says in {@code outcome} whether the orders were "not applied" or their outcome is "unknown"
 * (they may still be stored). Orders are answered only once durable in the wall's {@link
 * OrderJournal}, whichever runs: the embedded database or Kafka; an order with an {@code
 * Idempotency-Key} header is applied once however often it is sent. The README documents the
 * contract with examples.
 *
 * <p>It is made in two steps, so that a start fails on a busy port before it touches the data:
 * {@link #bind} takes the port, and {@link #serve} starts answering.
 */
public final class OrderApi implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OrderApi.class.getName());
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final long DISCARD_LIMIT = 16L << 20;
  private static final String ACCOUNTS = "/api/accounts";
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK, about 40 ms per request on a keep-alive
    // connection. It reads this once, when its first server is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService handlers;
  // Set once by serve(), before the server starts the handler threads that read them.
  private OrderJournal orders;
  private AccountSupervisor supervisor;
  private BearerToken token;

  private OrderApi(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /**
   * Takes the port at {@code address}, answering nothing yet; port 0 picks a free one (see {@link
   * #uri()}).
   *
   * @throws IOException if the port cannot be had, such as when another program listens on it
   */
  public static OrderApi bind(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 1024);
    // Handlers block while their order is committed, so there are enough of them for group commit to group.
    ExecutorService handlers = Executors.newFixedThreadPool(64, DaemonThreads.numbered("api"));
    return new OrderApi(server, handlers);
  }

  /** Starts answering: orders go to {@code orders}, and the accounts are read from {@code supervisor}. */
  public void serve(OrderJournal orders, AccountSupervisor supervisor, String token) {
    this.orders = orders;
    this.supervisor = supervisor;
    this.token = new BearerToken(token);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
    server.start();
  }

  /** Where it listens, with the real port. */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
  }

  /** Stops answering and frees the port; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (!handlers.isShutdown()) {
      server.stop(0);
      handlers.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (ApiException e) {
        send(exchange, e.status(), Map.of("error", e.getMessage()));
      } catch (IdempotencyKeyReusedException e) {
        send(exchange, 422, Map.of("error", e.getMessage()));
      } catch (JournalUnavailableException e) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        send(exchange, 503, new Unavailable(e.getMessage(), e.mayTakeEffect() ? "unknown" : "not applied"));
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
        send(exchange, 500, Map.of("error", "the wall failed on this request; its log says why"));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/api/health")) {
      allow(exchange, "GET");
      List<String> problems = orders.problems();
      if (problems.isEmpty()) {
        send(exchange, 200, Map.of("status", "ok"));
      } else {
        send(exchange, 503, new Health("degraded", problems));
      }
      return;
    }
    if (path.equals("/api/orders")) {
      authorize(exchange);
      allow(exchange, "POST");
      postOrders(exchange);
    } else if (path.equals(ACCOUNTS)) {
      authorize(exchange);
      allow(exchange, "GET");
      send(exchange, 200, listAccounts());
    } else if (path.startsWith(ACCOUNTS + "/") && path.indexOf('/', ACCOUNTS.length() + 1) < 0) {
      authorize(exchange);
      long accountId = accountIdIn(path.substring(ACCOUNTS.length() + 1));
      if (allow(exchange, "GET", "DELETE").equals("GET")) {
        AccountView account = supervisor.details(accountId).map(OrderApi::view)
            .orElseThrow(() -> notLive(accountId));
        send(exchange, 200, account);
      } else if (orders.end(accountId)) {
        send(exchange, 204, null);
      } else {
        throw notLive(accountId);
      }
    } else {
      throw new ApiException(404, "no such endpoint: " + path + "; see the README for /api/orders and /api/accounts");
    }
  }

  private void postOrders(HttpExchange exchange) throws IOException {
    requireJson(exchange);
    byte[] body = readBody(exchange);
    OrderRequests.Parsed request = OrderRequests.parse(body);
    IdempotencyKey key = IdempotencyKeys.of(exchange.getRequestHeaders().get(IdempotencyKeys.HEADER), body);
    if (key != null) {
      Receipt receipt = orders.orderOnce(key, request.orders());
      if (receipt.repeat()) {
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
      }
      send(exchange, 200, request.batch() ? Map.of("accepted", receipt.accepted()) : view(receipt));
    } else if (request.batch()) {
      send(exchange, 200, Map.of("accepted", orders.orderAll(request.orders())));
    } else {
      var order = request.orders().get(0);
      send(exchange, 200, view(orders.order(order.accountId(), order.quantity()).details()));
    }
  }

  private List<AccountView> listAccounts() {
    List<AccountView> accounts = new ArrayList<>();
    for (long id : supervisor.ids()) {
      supervisor.details(id).map(OrderApi::view).ifPresent(accounts::add);
    }
    return accounts;
  }

  private void authorize(HttpExchange exchange) {
    if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "send the wall's API token as the header Authorization: Bearer <token>");
    }
  }

  /** Returns the request's method if it is one of {@code methods}; else refuses it with 405. */
  private static String allow(HttpExchange exchange, String... methods) {
    String method = exchange.getRequestMethod();
    for (String allowed : methods) {
      if (allowed.equals(method)) {
        return method;
      }
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", methods));
    throw new ApiException(405, method + " is not allowed on " + exchange.getRequestURI().getRawPath()
        + "; use " + String.join(" or ", methods));
  }

  private static void requireJson(HttpExchange exchange) {
    String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    String[] parts = type.toLowerCase(Locale.ROOT).split(";");
    boolean json = parts[0].strip().equals("application/json");
    for (int i = 1; json && i < parts.length; i++) {
      String parameter = parts[i].strip().replace(" ", "");
      json = !parameter.startsWith("charset=") || parameter.equals("charset=utf-8");
    }
    if (!json) {
      throw new ApiException(415, "send the body as Content-Type: application/json (UTF-8), not '" + type + "'");
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    long declared = length == null ? -1 : parseLength(length);
    try (InputStream body = exchange.getRequestBody()) {
      if (declared <= MAX_BODY_BYTES) {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length <= MAX_BODY_BYTES) {
          return bytes;
        }
      }
      // Read what the client is still sending: closing on unread data resets the connection, and
      // the client would lose this answer with it.
      discard(body, DISCARD_LIMIT);
      exchange.getResponseHeaders().set("Connection", "close");
      throw new ApiException(413, "the body is over 1 MiB; send large batches in parts");
    }
  }

  private static void discard(InputStream body, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (long read = 0; read < limit; ) {
      int n = body.read(buffer);
      if (n < 0) {
        return;
      }
      read += n;
    }
  }

  private static long parseLength(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length is not a number: " + length);
    }
  }

  private static long accountIdIn(String segment) {
    try {
      long id = Long.parseLong(segment);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("the account id in the path must be a positive integer that fits a signed 64-bit long, got '" + segment + "'");
  }

  private static ApiException notLive(long accountId) {
    return new ApiException(404, "account " + accountId + " is not live");
  }

  /** An account as the API shows it; the field order is the documented one. */
  record AccountView(long accountId, String name, long widgetsSold, String expiresAt) {}

  private static AccountView view(AccountDetails account) {
    return new AccountView(account.accountId(), account.name(), account.widgetsOrdered(), account.expiresAt().toString());
  }

  /** The answer to a keyed single order, as its first request was answered. */
  private AccountView view(Receipt receipt) {
    long id = receipt.accountId();
    String name = supervisor.details(id).map(AccountDetails::name).orElse(Account.defaultName(id));
    return new AccountView(id, name, receipt.widgetsSold(), receipt.expiresAt().toString());
  }

  /** A 503's answer: why, and whether the change may still take effect; the field order is the documented one. */
  record Unavailable(String error, String outcome) {}

  /** The health check's answer while something is wrong; the field order is the documented one. */
  record Health(String status, List<String> problems) {}

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
