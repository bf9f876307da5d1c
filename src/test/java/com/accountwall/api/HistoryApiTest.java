package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Wall;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import com.accountwall.journal.OrderJournal;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/history}: the journal's per-step totals, as JSON or CSV, and its parameters read
 * strictly.
 */
class HistoryApiTest {
  private static final String TOKEN = TestWalls.TOKEN;
  private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir static Path data;
  private static Wall wall;

  /** The question the journal below was last asked: from, to, step. */
  private static final AtomicReference<List<Object>> asked = new AtomicReference<>();

  private static OrderApi api;

  @BeforeAll
  static void start() throws Exception {
    wall = TestWalls.start(data);
    // A journal whose history holds 3 orders of 7 widgets at 09:01, to see the API pass it on as it
    // is.
    OrderJournal journal =
        (OrderJournal)
            Proxy.newProxyInstance(
                OrderJournal.class.getClassLoader(),
                new Class<?>[] {OrderJournal.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("history")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  asked.set(List.of(args));
                  return HistorySteps.sum(
                      (Instant) args[0],
                      (Instant) args[1],
                      (Duration) args[2],
                      List.of(new HistoryStep(NINE.plusSeconds(60), 3, 7)));
                });
    api = OrderApi.bind(new InetSocketAddress("127.0.0.1", 0));
    api.serve(journal, wall.supervisor(), wall.display(), TOKEN);
  }

  @AfterAll
  static void stop() {
    api.close();
    wall.close();
  }

  @Test
  void perStepTotalsAsJson() throws Exception {
    RawHttp.Answer answer =
        get("/api/history?from=2026-11-23T09:00:00Z&to=2026-11-23T09:03:00Z&step=PT1M", null);

    assertEquals(200, answer.status(), answer.body());
    assertEquals("application/json; charset=utf-8", answer.headers().get("content-type"));
    assertEquals(
        "[{\"start\":\"2026-11-23T09:00:00Z\",\"orders\":0,\"widgets\":0},"
            + "{\"start\":\"2026-11-23T09:01:00Z\",\"orders\":3,\"widgets\":7},"
            + "{\"start\":\"2026-11-23T09:02:00Z\",\"orders\":0,\"widgets\":0}]",
        answer.body());
  }

  @Test
  void csvWhenAskedFor() throws Exception {
    RawHttp.Answer answer =
        get(
            "/api/history?from=2026-11-23T09:00:00Z&to=2026-11-23T09:04:00Z&step=PT2M",
            "text/csv, application/json;q=0.5");

    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.headers().get("content-type").startsWith("text/csv"));
    assertEquals(
        "start,orders,widgets\r\n2026-11-23T09:00:00Z,3,7\r\n2026-11-23T09:02:00Z,0,0\r\n",
        answer.body());
  }

  @Test
  void withoutParametersTheLastDayMinuteByMinute() throws Exception {
    Instant before = Instant.now();
    RawHttp.Answer answer = get("/api/history", null);

    assertEquals(200, answer.status(), answer.body());
    Instant to = (Instant) asked.get().get(1);
    assertEquals(List.of(to.minus(Duration.ofHours(24)), to, Duration.ofMinutes(1)), asked.get());
    assertEquals(0, to.getEpochSecond() % 60, "a whole minute: " + to);
    assertTrue(
        to.isAfter(before) && !to.isAfter(Instant.now().plusSeconds(60)),
        "the end of the current minute: " + to);
    assertEquals(24 * 60, answer.body().split("\\{").length - 1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "from=yesterday                                                   | from must be an ISO-8601 instant",
        "from=2026-11-23T09:00:00Z&to=2026-11-23                          | to must be an ISO-8601 instant",
        "step=1m                                                          | step must be an ISO-8601 duration",
        "step=PT30S                                                       | step must be a positive whole number of minutes",
        "from=2026-11-23T09:00:00Z&to=2026-11-23T08:00:00Z                | is before from",
        "from=2026-11-01T00:00:00Z&to=2026-11-23T00:00:00Z                | more than 10080",
        "from=2026-11-23T09:00:00Z&from=2026-11-23T08:00:00Z              | from is given twice",
        "since=2026-11-23T09:00:00Z                                       | 'since' is not a parameter",
        "from=%zz                                                         | not a valid URI",
      })
  void aBadParameterIs400NamingIt(String query, String named) throws Exception {
    RawHttp.Answer answer = get("/api/history?" + query.strip(), null);

    assertEquals(400, answer.status(), answer.body());
    assertTrue(
        answer.body().startsWith("{\"error\":\"") && answer.body().contains(named.strip()),
        answer.body());
  }

  @Test
  void authenticatedLikeTheRestAndGetOnly() throws Exception {
    try (RawHttp connection = new RawHttp(api.uri())) {
      assertEquals(
          401,
          connection
              .exchange(RawHttp.request("GET /api/history HTTP/1.1\nHost: x", new byte[0]))
              .status());
      RawHttp.Answer post =
          connection.exchange(
              RawHttp.request(
                  "POST /api/history HTTP/1.1\nHost: x\nAuthorization: Bearer "
                      + TOKEN
                      + "\nContent-Length: 0",
                  new byte[0]));
      assertEquals(405, post.status());
      assertEquals("GET", post.headers().get("allow"));
    }
  }

  @Test
  void theWallsOwnJournalAnswersToo() throws Exception {
    ApiClient client = new ApiClient(wall.endpoint().address(), TOKEN);

    ApiClient.Response answer =
        client.get("/api/history?from=2026-11-23T08:00:00Z&to=2026-11-23T08:02:00Z");

    assertEquals(
        new ApiClient.Response(
            200,
            "[{\"start\":\"2026-11-23T08:00:00Z\",\"orders\":0,\"widgets\":0},"
                + "{\"start\":\"2026-11-23T08:01:00Z\",\"orders\":0,\"widgets\":0}]"),
        answer);
  }

  private static RawHttp.Answer get(String target, String accept) throws IOException {
    try (RawHttp connection = new RawHttp(api.uri())) {
      return connection.exchange(
          RawHttp.request(
              "GET "
                  + target
                  + " HTTP/1.1\nHost: x\nAuthorization: Bearer "
                  + TOKEN
                  + (accept == null ? "" : "\nAccept: " + accept),
              new byte[0]));
    }
  }
}
