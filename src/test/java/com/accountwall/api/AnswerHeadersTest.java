package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.accountwall.Wall;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headers the README promises with an answer: Idempotent-Replayed, WWW-Authenticate, Allow,
 * Retry-After.
 */
class AnswerHeadersTest {
  private static final String TOKEN = TestWalls.TOKEN;

  @TempDir static Path data;
  private static Wall wall;

  @BeforeAll
  static void start() throws Exception {
    wall = TestWalls.start(data);
  }

  @AfterAll
  static void stop() {
    wall.close();
  }

  @Test
  void aRepeatOfAKeyedRequestSaysItIsOne() throws Exception {
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer first =
          connection.exchange(order("{\"accountId\": 70}", "Idempotency-Key: k-70"));
      RawHttp.Answer repeat =
          connection.exchange(order("{\"accountId\": 70}", "Idempotency-Key: k-70"));

      assertEquals(200, first.status());
      assertNull(first.headers().get("idempotent-replayed"));
      assertEquals(first.body(), repeat.body());
      assertEquals("true", repeat.headers().get("idempotent-replayed"));
    }
  }

  @Test
  void refusalsCarryTheHeadersThatSayWhatToDo() throws Exception {
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer unauthorized =
          connection.exchange(RawHttp.request("GET /api/accounts HTTP/1.1\nHost: x", new byte[0]));
      RawHttp.Answer wrongMethod =
          connection.exchange(
              RawHttp.request(
                  "PUT /api/accounts/1 HTTP/1.1\nHost: x\nAuthorization: Bearer "
                      + TOKEN
                      + "\nContent-Length: 0",
                  new byte[0]));

      assertEquals(401, unauthorized.status());
      assertEquals("Bearer", unauthorized.headers().get("www-authenticate"));
      assertEquals(405, wrongMethod.status());
      assertEquals("GET, DELETE", wrongMethod.headers().get("allow"));
    }
  }

  @Test
  void ordersNotMadeDurableAre503WithRetryAfterAndTheirOutcome() throws Exception {
    OrderJournal failing =
        (OrderJournal)
            Proxy.newProxyInstance(
                OrderJournal.class.getClassLoader(),
                new Class<?>[] {OrderJournal.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "place" ->
                          CompletableFuture.failedFuture(
                              new JournalUnavailableException("the disk is full; may be stored"));
                      case "placeOnce" ->
                          CompletableFuture.failedFuture(
                              JournalUnavailableException.refused("the backlog is full", null));
                      case "problems" -> List.of("the disk is full");
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    try (OrderApi api = OrderApi.bind(new InetSocketAddress("127.0.0.1", 0));
        RawHttp connection = new RawHttp(api.uri())) {
      api.serve(failing, wall.supervisor(), wall.display(), TOKEN);

      RawHttp.Answer unknown = connection.exchange(order("{\"accountId\": 71}", null));
      RawHttp.Answer notApplied =
          connection.exchange(order("{\"accountId\": 71}", "Idempotency-Key: k-71"));
      RawHttp.Answer health =
          connection.exchange(RawHttp.request("GET /api/health HTTP/1.1\nHost: x", new byte[0]));

      assertEquals(
          new RawHttp.Answer(
              503,
              unknown.headers(),
              "{\"error\":\"the disk is full; may be stored\",\"outcome\":\"unknown\"}"),
          unknown);
      assertEquals("1", unknown.headers().get("retry-after"));
      assertEquals(
          "{\"error\":\"the backlog is full\",\"outcome\":\"not applied\"}", notApplied.body());
      assertEquals("1", notApplied.headers().get("retry-after"));
      assertEquals(
          new RawHttp.Answer(
              503,
              health.headers(),
              "{\"status\":\"degraded\",\"problems\":[\"the disk is full\"]}"),
          health);
    }
  }

  private static byte[] order(String body, String header) {
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    return RawHttp.request(
        "POST /api/orders HTTP/1.1\nHost: x\nAuthorization: Bearer "
            + TOKEN
            + "\nContent-Type: application/json\nContent-Length: "
            + bytes.length
            + (header == null ? "" : "\n" + header),
        bytes);
  }
}
