package com.accountwall.api;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * The order API's own request checks and JSON answers, opened to a candidate HTTP server in the
 * benchmarks (issue 13), so that the candidate parses and answers with the same code, at the same
 * cost, as the wall's Netty API. It lives in the bench sources, in the API's package, because the
 * API keeps these parts package-private, as it should; the product never uses this class.
 *
 * <p>Thread-safe: stateless.
 */
public final class CandidateCodec {
  /** The media type of every answer here, as the API writes it. */
  public static final String JSON_TYPE = Answer.JSON_TYPE;

  private CandidateCodec() {}

  /**
   * An answer's status and JSON body.
   *
   * @param json the body, of media type {@link #JSON_TYPE}
   */
  public record Reply(int status, byte[] json) {}

  /** The API's check of {@code Authorization: Bearer <token>}, for {@code token}. */
  public static Predicate<String> bearer(String token) {
    return new BearerToken(token)::admits;
  }

  /**
   * {@code GET /api/health} as the API answers it: 200 "ok", or 503 with the journal's problems.
   */
  public static Reply health(OrderJournal journal) {
    List<String> problems = journal.problems();
    return reply(
        problems.isEmpty()
            ? Answer.json(200, Map.of("status", "ok"))
            : Answer.json(503, new ApiRoutes.Health("degraded", problems)));
  }

  /**
   * The one order in a {@code POST /api/orders} body, checked as the API checks it ({@link
   * JsonContentType}, {@link OrderRequests}).
   *
   * @throws RuntimeException whose {@link #refusal} is the API's 400 or 415; a batch is refused, as
   *     a candidate serves single orders only
   */
  public static Order single(String contentType, byte[] body) {
    JsonContentType.require(contentType);
    OrderRequests.Parsed parsed = OrderRequests.parse(body);
    if (parsed.batch()) {
      throw ApiException.badRequest("this candidate server takes one order, not a batch");
    }
    return parsed.orders().get(0);
  }

  /**
   * The API's 200 to a single order, from its receipt, with the account's name and team as the wall
   * knows them.
   */
  public static Reply placed(Receipt receipt, AccountSupervisor supervisor) {
    return reply(Answer.json(200, ApiRoutes.view(receipt, supervisor)));
  }

  /**
   * A failure as a minimal refusal: the API's own for what it refuses ({@link ApiException}), else
   * 503 with the failure's message (the journal's: not durable, or not in time).
   */
  public static Reply refusal(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ApiException refused) {
      return reply(refused.answer());
    }
    return reply(Answer.error(503, String.valueOf(cause.getMessage())));
  }

  /** 401 as the API says it, for a missing or wrong token. */
  public static Reply unauthorized() {
    return reply(
        Answer.error(401, "send the wall's API token as the header Authorization: Bearer <token>"));
  }

  /** 404 for any path or method the candidate does not serve. */
  public static Reply notServed(String method, String path) {
    return reply(
        Answer.error(
            404,
            "the candidate serves GET /api/health and POST /api/orders, not "
                + method
                + " "
                + path));
  }

  private static Reply reply(Answer answer) {
    return new Reply(answer.status(), answer.body());
  }
}
