package com.accountwall.api;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountProfile;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.core.ProfileStore;
import com.accountwall.display.DisplayChange;
import com.accountwall.display.DisplayState;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.accountwall.settings.WallSettings;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the API answers to each request: the routes, their authorization and methods, and how each
 * failure becomes a status (the README's table). Orders go to the journal without waiting, and
 * their answer is a future that completes when the journal's does, so no thread is held while an
 * order is made durable. {@code /api/display} reads and changes the {@link DisplayState}, answering
 * a change once it is remembered. Work that takes long enough to stall an event loop runs on
 * executors of its own: large bodies are read on one, history (a database read) on another.
 *
 * <p>Thread-safe: {@link #answer} is called on the connections' event loops, any number at once; it
 * blocks on nothing (the supervisor's reads are in memory), and the futures it returns complete on
 * whatever thread completes the journal's; a large body is read on a reader thread, which shares
 * nothing with the event loop but the body's bytes, handed over by the executor.
 */
final class ApiRoutes {
  private static final System.Logger LOG = System.getLogger(ApiRoutes.class.getName());
  private static final String ACCOUNTS = "/api/accounts";
  private static final String ORDERS = "/api/orders";
  private static final String DISPLAY = "/api/display";
  private static final String PROFILE = "/profile";
  static final String METRICS = "/metrics";

  /**
   * Bodies up to this size are read on the event loop (a single order takes microseconds); larger
   * ones on {@code bodyReader}, as a batch of 1 MiB takes milliseconds to check and parse, during
   * which every other connection of that event loop, health checks included, would wait.
   */
  static final int READ_INLINE_BYTES = 16 * 1024;

  /** The last deadline {@link #text} was asked for, with its text. */
  private static volatile DeadlineText lastDeadline =
      new DeadlineText(Instant.EPOCH, Instant.EPOCH.toString());

  private final OrderJournal orders;
  private final AccountSupervisor supervisor;
  private final DisplayState display;
  private final TokenCheck token;
  private final Executor bodyReader;
  private final Executor historyReader;
  private final Clock clock;
  private final OrderMeters meters;
  private final MetricsEndpoint metrics;
  private final MetricsAccess metricsAccess;
  private final ProfileStore profiles;

  /**
   * @param metrics what {@code /metrics} serves, and where the order meters are recorded; null for
   *     no {@code /metrics} (404) and meters recorded nowhere
   * @param profiles where {@code PUT /api/accounts/{id}/profile} keeps a profile; null for no such
   *     endpoint (404)
   */
  ApiRoutes(
      OrderJournal orders,
      AccountSupervisor supervisor,
      DisplayState display,
      TokenCheck token,
      Executor bodyReader,
      Executor historyReader,
      Clock clock,
      MetricsEndpoint metrics,
      ProfileStore profiles) {
    this.orders = orders;
    this.profiles = profiles;
    this.supervisor = supervisor;
    this.display = display;
    this.token = token;
    this.bodyReader = bodyReader;
    this.historyReader = historyReader;
    this.clock = clock;
    this.metrics = metrics;
    this.metricsAccess = metrics == null ? null : new MetricsAccess(metrics.token());
    // Without an endpoint the meters go to a registry of no registries, whose meters do nothing.
    this.meters =
        new OrderMeters(
            metrics == null
                ? new io.micrometer.core.instrument.composite.CompositeMeterRegistry()
                : metrics.registry());
  }

  /**
   * The answer to {@code request}, now or once the journal has made its change durable, and no
   * later than {@link OrderJournal#ACKNOWLEDGE_TIMEOUT}. Never fails: a refusal is an answer. Reads
   * all it needs of {@code request} before it returns, so the caller may release it then.
   *
   * @param remote where the request came from, for {@code /metrics} without a token
   * @param connection where an order's answer is made once the journal has made it durable: the
   *     connection's event loop, so that the journal's writer only hands each receipt over and goes
   *     on to its next commit, rather than writing every answer's JSON between two commits
   */
  CompletableFuture<Answer> answer(
      FullHttpRequest request, SocketAddress remote, Executor connection) {
    long read = System.nanoTime();
    String method = request.method().name();
    String target = request.uri();
    CompletableFuture<Answer> answer;
    try {
      answer = route(method, target, request.headers(), request, remote, read, connection);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    if (!isOrders(target)) {
      return answer.exceptionally(failure -> refusal(failure, method, target));
    }
    // An order request: postOrders counts it accepted, and here it is counted refused by reason.
    return answer.exceptionally(
        failure -> {
          Answer refused = refusal(failure, method, target);
          meters.refused(
              OrderMeters.reason(refused.status(), cause(failure) instanceof TimeoutException));
          return refused;
        });
  }

  /** Where the order requests are counted, also by the parts of a connection before the routes. */
  OrderMeters meters() {
    return meters;
  }

  /** Whether {@code target} is the orders' path, with or without a query: an order request. */
  static boolean isOrders(String target) {
    return target.startsWith(ORDERS)
        && (target.length() == ORDERS.length() || target.charAt(ORDERS.length()) == '?');
  }

  private CompletableFuture<Answer> route(
      String method,
      String target,
      HttpHeaders headers,
      FullHttpRequest request,
      SocketAddress remote,
      long read,
      Executor connection) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("the request target is not a valid URI: " + e.getMessage());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.equals("/api/health")) {
      allow(method, path, "GET");
      List<String> problems = orders.problems();
      return done(
          problems.isEmpty()
              ? Answer.json(200, Map.of("status", "ok"))
              : Answer.json(503, new Health("degraded", problems)));
    }
    if (path.equals(METRICS) && metrics != null) {
      metricsAccess.check(remote, headers.get(HttpHeaderNames.AUTHORIZATION));
      allow(method, path, "GET");
      // On the event loop, as /api/health: a scrape reads meters kept in memory and blocks on
      // nothing.
      return done(Answer.text(200, metrics.scrape().get(), metrics.contentType()));
    }
    if (path.equals(ORDERS)) {
      authorize(headers);
      allow(method, path, "POST");
      JsonContentType.require(headers.get(HttpHeaderNames.CONTENT_TYPE));
      byte[] body = ByteBufUtil.getBytes(request.content());
      List<String> key = headers.getAll(IdempotencyKeys.HEADER);
      if (body.length <= READ_INLINE_BYTES) {
        return postOrders(body, key, read, connection);
      }
      return CompletableFuture.supplyAsync(
              () -> postOrders(body, key, read, connection), bodyReader)
          .thenCompose(placed -> placed);
    }
    if (path.equals(ACCOUNTS)) {
      authorize(headers);
      allow(method, path, "GET");
      return done(Answer.json(200, listAccounts()));
    }
    if (profiles != null && isProfile(path)) {
      authorize(headers);
      long accountId =
          AccountIds.parse(path.substring(ACCOUNTS.length() + 1, path.length() - PROFILE.length()));
      allow(method, path, "PUT");
      JsonContentType.require(headers.get(HttpHeaderNames.CONTENT_TYPE));
      byte[] body = ByteBufUtil.getBytes(request.content());
      if (body.length <= READ_INLINE_BYTES) {
        return putProfile(accountId, body);
      }
      return CompletableFuture.supplyAsync(() -> putProfile(accountId, body), bodyReader)
          .thenCompose(stored -> stored);
    }
    if (path.startsWith(ACCOUNTS + "/") && path.indexOf('/', ACCOUNTS.length() + 1) < 0) {
      authorize(headers);
      long accountId = AccountIds.parse(path.substring(ACCOUNTS.length() + 1));
      if (allow(method, path, "GET", "DELETE").equals("GET")) {
        return done(
            Answer.json(
                200,
                supervisor
                    .details(accountId)
                    .map(ApiRoutes::view)
                    .orElseThrow(() -> notLive(accountId))));
      }
      return acknowledged(orders.placeEnd(accountId))
          .thenApply(
              live -> {
                if (!live) {
                  throw notLive(accountId);
                }
                return Answer.empty(204);
              });
    }
    if (path.equals(DISPLAY)) {
      authorize(headers);
      if (allow(method, path, "GET", "PATCH").equals("GET")) {
        return done(Answer.json(200, DisplayRequests.View.of(display.settings())));
      }
      JsonContentType.require(headers.get(HttpHeaderNames.CONTENT_TYPE));
      byte[] body = ByteBufUtil.getBytes(request.content());
      if (body.length <= READ_INLINE_BYTES) {
        return patchDisplay(body);
      }
      return CompletableFuture.supplyAsync(() -> patchDisplay(body), bodyReader)
          .thenCompose(patched -> patched);
    }
    if (path.equals("/api/history")) {
      authorize(headers);
      allow(method, path, "GET");
      return history(HistoryQuery.parse(uri.getRawQuery(), clock.instant()), wantsCsv(headers));
    }
    throw new ApiException(
        404,
        "no such endpoint: "
            + path
            + "; see the README for /api/orders, /api/accounts, /api/history and /api/display");
  }

  /**
   * @param read when the request was read, in {@link System#nanoTime()}, for its latency
   * @param connection where the answer is made once the orders are durable
   */
  private CompletableFuture<Answer> postOrders(
      byte[] body, List<String> keyHeader, long read, Executor connection) {
    OrderRequests.Parsed request = OrderRequests.parse(body);
    IdempotencyKey key = IdempotencyKeys.of(keyHeader, body);
    List<Order> placed = request.orders();
    CompletableFuture<Receipt> receipt =
        acknowledged(key == null ? orders.place(placed) : orders.placeOnce(key, placed));
    return receipt.thenApplyAsync(
        done -> {
          // A repeat applied nothing, but was acknowledged all the same: its latency counts.
          meters.accepted(done.repeat() ? 0 : done.accepted(), System.nanoTime() - read);
          Answer answer =
              Answer.json(
                  200,
                  request.batch() ? Map.of("accepted", done.accepted()) : view(done, supervisor));
          return done.repeat() ? answer.with("Idempotent-Replayed", "true") : answer;
        },
        connection);
  }

  /**
   * Changes the display as {@code body} asks, all of it or nothing, and answers its state once the
   * change is remembered. The change blocks on nothing ({@link DisplayState#change} saves on a
   * thread of its own), so a body of a few fields is read on the event loop, a large one as an
   * order's is.
   */
  private CompletableFuture<Answer> patchDisplay(byte[] body) {
    DisplayChange change = DisplayRequests.parse(body);
    CompletableFuture<WallSettings> changed;
    try {
      changed = display.change(change);
    } catch (IllegalArgumentException e) { // a lifetime the history or the journal cannot take
      throw ApiException.badRequest(e.getMessage());
    }
    return changed.thenApply(settings -> Answer.json(200, DisplayRequests.View.of(settings)));
  }

  /** Whether {@code path} is {@code /api/accounts/{one segment}/profile}. */
  private static boolean isProfile(String path) {
    return path.startsWith(ACCOUNTS + "/")
        && path.endsWith(PROFILE)
        && path.indexOf('/', ACCOUNTS.length() + 1) == path.length() - PROFILE.length();
  }

  /**
   * Stores the profile in {@code body} and answers it once it is committed and shown on the live
   * account, if one is: the store runs on its own thread, and the answer completes there. Bounded
   * like an order: a store that has not committed within {@link OrderJournal#ACKNOWLEDGE_TIMEOUT}
   * is answered 503, and shown on the account whenever it does commit.
   */
  private CompletableFuture<Answer> putProfile(long accountId, byte[] body) {
    AccountProfile profile = ProfileRequests.parse(body);
    CompletableFuture<Void> shown =
        profiles
            .store(accountId, profile)
            .thenRun(() -> supervisor.profileStored(accountId, profile));
    return acknowledged(shown)
        .handle(
            (done, failure) -> {
              if (failure == null) {
                return Answer.json(
                    200, new ProfileView(accountId, profile.name(), teamOf(profile.attribute())));
              }
              Throwable cause = cause(failure);
              if (cause instanceof TimeoutException) {
                throw new ApiException(
                    503,
                    "the profile was not stored within "
                        + OrderJournal.ACKNOWLEDGE_TIMEOUT.toSeconds()
                        + " s; it may still be: PUT it again",
                    "Retry-After",
                    "1");
              }
              LOG.log(Level.WARNING, "cannot store the profile of account " + accountId, cause);
              throw new ApiException(
                  503,
                  "the profile could not be stored ("
                      + cause.getMessage()
                      + "); nothing changed, PUT it again later",
                  "Retry-After",
                  "1");
            });
  }

  /**
   * The history, read on its own thread. Bounded like an order: a read that has not answered in
   * {@link OrderJournal#ACKNOWLEDGE_TIMEOUT} (a database that hangs) is answered 503, so the
   * connection, which has no time limit while it is answered, is not held for ever.
   */
  private CompletableFuture<Answer> history(HistoryQuery query, boolean csv) {
    try {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  var steps = orders.history(query.from(), query.to(), query.step());
                  return csv ? HistoryQuery.csv(steps) : HistoryQuery.json(steps);
                } catch (IllegalArgumentException e) {
                  throw ApiException.badRequest(e.getMessage());
                }
              },
              historyReader)
          .orTimeout(OrderJournal.ACKNOWLEDGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)
          .exceptionally(
              failure -> {
                if (failure instanceof TimeoutException) {
                  throw new ApiException(
                      503,
                      "the history could not be read within "
                          + OrderJournal.ACKNOWLEDGE_TIMEOUT.toSeconds()
                          + " s; retry later",
                      "Retry-After",
                      "1");
                }
                throw failure instanceof CompletionException completion
                    ? completion
                    : new CompletionException(failure);
              });
    } catch (RejectedExecutionException e) {
      throw new ApiException(
          503,
          "the wall is answering as many history questions as it can; retry in a moment",
          "Retry-After",
          "1");
    }
  }

  private static boolean wantsCsv(HttpHeaders headers) {
    String accept = headers.get(HttpHeaderNames.ACCEPT);
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
  }

  /**
   * {@code change}, failing by {@link OrderJournal#ACKNOWLEDGE_TIMEOUT} at the latest. The timeout
   * applies to a copy, as the journal may hand the same future to a repeat of a keyed request.
   */
  private static <T> CompletableFuture<T> acknowledged(CompletableFuture<T> change) {
    return change
        .copy()
        .orTimeout(OrderJournal.ACKNOWLEDGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
  }

  private List<AccountView> listAccounts() {
    List<AccountView> accounts = new ArrayList<>();
    for (long id : supervisor.ids()) {
      supervisor.details(id).map(ApiRoutes::view).ifPresent(accounts::add);
    }
    return accounts;
  }

  private void authorize(HttpHeaders headers) {
    if (!token.admits(headers.get(HttpHeaderNames.AUTHORIZATION))) {
      throw new ApiException(
          401,
          "send the wall's API token as the header Authorization: Bearer <token>",
          "WWW-Authenticate",
          "Bearer");
    }
  }

  /** Returns {@code method} if it is one of {@code methods}; else refuses it with 405. */
  private static String allow(String method, String path, String... methods) {
    for (String allowed : methods) {
      if (allowed.equals(method)) {
        return method;
      }
    }
    throw new ApiException(
        405,
        method + " is not allowed on " + path + "; use " + String.join(" or ", methods),
        "Allow",
        String.join(", ", methods));
  }

  private static ApiException notLive(long accountId) {
    return new ApiException(404, "account " + accountId + " is not live");
  }

  private static CompletableFuture<Answer> done(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  /**
   * A failure as its answer: the README's statuses; anything unforeseen is logged and answered 500.
   */
  private static Answer refusal(Throwable failure, String method, String target) {
    Throwable cause = cause(failure);
    if (cause instanceof ApiException refused) {
      return refused.answer();
    }
    if (cause instanceof IdempotencyKeyReusedException reused) {
      return Answer.error(422, reused.getMessage());
    }
    if (cause instanceof JournalUnavailableException unavailable) {
      return Answer.json(
              503,
              new Unavailable(
                  unavailable.getMessage(),
                  unavailable.mayTakeEffect() ? "unknown" : "not applied"))
          .with("Retry-After", "1");
    }
    if (cause instanceof TimeoutException) {
      return Answer.json(
              503,
              new Unavailable(
                  "not made durable within "
                      + OrderJournal.ACKNOWLEDGE_TIMEOUT.toSeconds()
                      + " s; it may still be stored: retry with the same Idempotency-Key",
                  "unknown"))
          .with("Retry-After", "1");
    }
    LOG.log(Level.ERROR, "failed on " + method + " " + target, cause);
    return Answer.error(500, "the wall failed on this request; its log says why");
  }

  /** What failed, out of the {@link CompletionException} a future may wrap it in. */
  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /**
   * An account as the API shows it; the field order is the documented one.
   *
   * @param team the account's team, or null when it has none
   */
  record AccountView(
      long accountId, String name, String team, long widgetsSold, String expiresAt) {}

  private static AccountView view(AccountDetails account) {
    return new AccountView(
        account.accountId(),
        account.name(),
        teamOf(account.attribute()),
        account.widgetsOrdered(),
        text(account.expiresAt()));
  }

  /**
   * A stored profile as {@code PUT /api/accounts/{id}/profile} answers it; the field order is the
   * documented one.
   *
   * @param team the team, or null for none
   */
  record ProfileView(long accountId, String name, String team) {}

  /** A team as the API shows it: the profile's attribute, null rather than empty for none. */
  private static String teamOf(String attribute) {
    return attribute.isEmpty() ? null : attribute;
  }

  /**
   * The answer to a single order, from its receipt, with the account's name and team as {@code
   * supervisor} knows them.
   */
  static AccountView view(Receipt receipt, AccountSupervisor supervisor) {
    long id = receipt.accountId();
    Optional<AccountDetails> live = supervisor.details(id);
    return new AccountView(
        id,
        live.map(AccountDetails::name).orElse(Account.defaultName(id)),
        live.map(account -> teamOf(account.attribute())).orElse(null),
        receipt.widgetsSold(),
        text(receipt.expiresAt()));
  }

  /**
   * A deadline in ISO-8601, as the API shows it. The orders of one commit share their deadline and
   * are answered one after the other, so the last one's text is kept: {@link Instant#toString} was
   * 6 % of an event loop's time under single orders. Thread-safe: the pair is immutable and
   * published whole; two threads that miss at once each make the same text.
   */
  private static String text(Instant deadline) {
    DeadlineText last = lastDeadline;
    if (!last.deadline().equals(deadline)) {
      last = new DeadlineText(deadline, deadline.toString());
      lastDeadline = last;
    }
    return last.text();
  }

  private record DeadlineText(Instant deadline, String text) {}

  /**
   * A 503's answer: why, and whether the change may still take effect; the field order is the
   * documented one.
   */
  record Unavailable(String error, String outcome) {}

  /** The health check's answer while something is wrong; the field order is the documented one. */
  record Health(String status, List<String> problems) {}
}
