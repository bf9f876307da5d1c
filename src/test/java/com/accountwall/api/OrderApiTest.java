package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.Account;
import com.accountwall.core.MutableClock;
import com.accountwall.store.AccountDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderApiTest {
  private static final String TOKEN = "test-token";
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(START);
  private Wall wall;
  private ApiClient api;

  private void start(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("--headless", "--port=0", "--data=" + data, "--token=" + TOKEN));
    args.addAll(List.of(extra));
    wall = Wall.start(WallOptions.parse(args.toArray(String[]::new)), clock);
    api = new ApiClient(wall.endpoint().address(), TOKEN);
  }

  @AfterEach
  void stop() {
    if (wall != null) {
      wall.close();
    }
  }

  @Test
  void anOrderCreatesOrAddsAndAnswersWithTheAccount() throws Exception {
    start();

    assertEquals(
        new ApiClient.Response(
            200,
            "{\"accountId\":10,\"name\":\""
                + Account.defaultName(10)
                + "\",\"team\":null,\"widgetsSold\":3,\"expiresAt\":\"2026-11-24T09:00:00Z\"}"),
        api.post("{\"accountId\": 10, \"quantity\": 3}"));
    clock.advance(java.time.Duration.ofMinutes(15));
    assertEquals(
        new ApiClient.Response(
            200,
            "{\"accountId\":10,\"name\":\""
                + Account.defaultName(10)
                + "\",\"team\":null,\"widgetsSold\":4,\"expiresAt\":\"2026-11-24T09:15:00Z\"}"),
        api.post("{\"accountId\": 10}"));
  }

  @Test
  void aBatchIsAcceptedWholeAndAccountsListSortedById() throws Exception {
    start();

    assertEquals(
        new ApiClient.Response(200, "{\"accepted\":3}"),
        api.post(
            "[{\"accountId\": 30}, {\"accountId\": 2, \"quantity\": 4}, {\"accountId\": 30}]"));

    assertEquals(
        new ApiClient.Response(
            200,
            "["
                + "{\"accountId\":2,\"name\":\""
                + Account.defaultName(2)
                + "\",\"team\":null,\"widgetsSold\":4,\"expiresAt\":\"2026-11-24T09:00:00Z\"},"
                + "{\"accountId\":30,\"name\":\""
                + Account.defaultName(30)
                + "\",\"team\":null,\"widgetsSold\":2,\"expiresAt\":\"2026-11-24T09:00:00Z\"}]"),
        api.get("/api/accounts"));
    assertEquals(200, api.get("/api/accounts/30").status());
  }

  @Test
  void deleteEndsTheAccountNow() throws Exception {
    start();
    api.post("{\"accountId\": 5}");

    assertEquals(204, api.delete("/api/accounts/5").status());

    assertEquals(404, api.get("/api/accounts/5").status());
    assertEquals("[]", api.get("/api/accounts").body());
    assertError(404, "account 5 is not live", api.delete("/api/accounts/5"));
  }

  @Test
  void healthNeedsNoTokenAndEverythingElseDoes() throws Exception {
    start();
    api.post("{\"accountId\": 1}");
    String before = api.get("/api/accounts").body();
    ApiClient anonymous = new ApiClient(wall.endpoint().address(), null);
    ApiClient wrong = new ApiClient(wall.endpoint().address(), TOKEN + "x");

    assertEquals(new ApiClient.Response(200, "{\"status\":\"ok\"}"), anonymous.get("/api/health"));
    for (ApiClient intruder : List.of(anonymous, wrong)) {
      assertError(401, "Authorization: Bearer", intruder.post("{\"accountId\": 1}"));
      assertError(401, "Authorization: Bearer", intruder.get("/api/accounts"));
      assertError(401, "Authorization: Bearer", intruder.get("/api/accounts/1"));
      assertError(401, "Authorization: Bearer", intruder.delete("/api/accounts/1"));
    }
    assertEquals(before, api.get("/api/accounts").body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"accountId\": \"abc\"}                    | accountId",
        "{\"accountId\": \"10\"}                     | accountId",
        "{\"accountId\": 1.5}                        | accountId",
        "{\"accountId\": 0}                          | accountId",
        "{\"accountId\": -3}                         | accountId",
        "{\"accountId\": null}                       | accountId",
        "{\"accountId\": 9223372036854775808}        | accountId",
        "{\"quantity\": 2}                           | accountId is missing",
        "{\"accountId\": 1, \"quantity\": 0}         | quantity",
        "{\"accountId\": 1, \"quantity\": -3}        | quantity",
        "{\"accountId\": 1, \"quantity\": 1.5}       | quantity",
        "{\"accountId\": 1, \"quantity\": \"2\"}     | quantity",
        "{\"accountId\": 1, \"quantity\": null}      | quantity",
        "{\"accountId\": 1, \"quantity\": 1000001}   | quantity",
        "{\"accountId\": 1, \"colour\": \"red\"}     | colour",
        "{\"accountId\": 1, \"accountId\": 2}        | accountId",
        "{\"accountId\": 1                           | not valid JSON",
        "{\"accountId\": 1} {\"accountId\": 2}       | not valid JSON",
        "10                                          | must be an object",
        "[]                                          | empty",
        "[{\"accountId\": 1}, {\"accountId\": \"x\"}] | [1].accountId",
        "[{\"accountId\": 1}, 7]                     | [1] must be an object",
        "[{\"accountId\": 1}, {\"accountId\": 2, \"quantity\": 0}] | [1].quantity",
        "{\"accountId\": {\"id\": 1}}              | accountId",
        "[{\"accountId\": 1}] [{\"accountId\": 2}] | not valid JSON",
        "null                                        | must be an object",
      })
  void aBadOrderIsRefusedNamingTheFieldAndChangesNothing(String body, String named)
      throws Exception {
    start();
    api.post("{\"accountId\": 1, \"quantity\": 2}");
    String before = api.get("/api/accounts").body();

    assertError(400, named.strip(), api.post(body.strip()));

    assertEquals(before, api.get("/api/accounts").body());
  }

  @Test
  void anEmptyBodyIsRefused() throws Exception {
    start();
    assertError(400, "empty", api.post(""));
    assertEquals("[]", api.get("/api/accounts").body());
  }

  @Test
  void refusalsOfTheWrongKindOfRequestChangeNothing() throws Exception {
    start();
    api.post("{\"accountId\": 1}");
    String before = api.get("/api/accounts").body();
    String tooLarge = "[" + "{\"accountId\": 1},".repeat(70_000) + "{\"accountId\": 1}]";

    assertError(413, "1 MiB", api.post(tooLarge));
    assertError(
        415,
        "application/json",
        api.send("POST", "/api/orders", "{\"accountId\": 1}", "text/plain"));
    assertError(
        415,
        "application/json",
        api.send("POST", "/api/orders", "{\"accountId\": 1}", "application/json; charset=latin1"));
    assertError(
        405, "POST", api.send("PUT", "/api/orders", "{\"accountId\": 1}", "application/json"));
    assertError(405, "GET", api.send("POST", "/api/accounts", "{}", "application/json"));
    assertError(405, "GET or DELETE", api.send("PUT", "/api/accounts/1", "{}", "application/json"));
    assertError(404, "/api/nothing", api.get("/api/nothing"));
    assertError(404, "not live", api.get("/api/accounts/99"));
    assertError(400, "account id in the path", api.get("/api/accounts/abc"));
    assertError(400, "account id in the path", api.delete("/api/accounts/0"));

    assertEquals(before, api.get("/api/accounts").body());
    assertEquals(
        200,
        api.send("POST", "/api/orders", "{\"accountId\": 1}", "application/json; charset=UTF-8")
            .status());
  }

  @Test
  void parallelClientsOnSharedAndOwnIdsAreAllCounted() throws Exception {
    start();
    int clients = 8;
    int ordersEach = 150;
    AtomicLong acknowledged = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long own = 100 + c;
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < ordersEach; i++) {
                  long id = i % 2 == 0 ? 1 + i % 5 : own;
                  int quantity = 1 + i % 3;
                  if (api.post("{\"accountId\": " + id + ", \"quantity\": " + quantity + "}")
                          .status()
                      == 200) {
                    acknowledged.addAndGet(quantity);
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : running) {
      client.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertEquals(acknowledged.get(), sumOfWidgetsSold(api.get("/api/accounts").body()));
    assertEquals(acknowledged.get(), wall.supervisor().totalWidgetsOrdered());
  }

  @Test
  void namesComeFromTheAccountsTable() throws Exception {
    try (AccountDatabase created = AccountDatabase.open(AccountDatabase.embeddedUrl(data));
        Connection connection = DriverManager.getConnection(AccountDatabase.embeddedUrl(data));
        Statement insert = connection.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO accounts (account_id, name, attribute) VALUES (7, 'Acme Widgets Ltd', 'gold')");
    }
    start();

    assertTrue(
        api.post("{\"accountId\": 8}").body().contains("\"" + Account.defaultName(8) + "\""));
    api.post("{\"accountId\": 7}");
    awaitName(7, "Acme Widgets Ltd");
  }

  private void awaitName(long accountId, String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!api.get("/api/accounts/" + accountId).body().contains(name)) {
      assertTrue(
          System.nanoTime() < deadline, "account " + accountId + " never got its name " + name);
      Thread.onSpinWait();
    }
  }

  static long sumOfWidgetsSold(String accountsJson) {
    long sum = 0;
    Matcher widgets = Pattern.compile("\"widgetsSold\":(\\d+)").matcher(accountsJson);
    while (widgets.find()) {
      sum += Long.parseLong(widgets.group(1));
    }
    return sum;
  }

  @Test
  void aRetryWithTheSameKeyIsAnsweredAlikeAndCountedOnce() throws Exception {
    start();
    String order = "{\"accountId\": 10, \"quantity\": 3}";
    ApiClient.Response first = api.post(order, "order-17");
    api.post("{\"accountId\": 10}");
    clock.advance(java.time.Duration.ofMinutes(5));

    assertEquals(
        new ApiClient.Response(
            200,
            "{\"accountId\":10,\"name\":\""
                + Account.defaultName(10)
                + "\",\"team\":null,\"widgetsSold\":3,\"expiresAt\":\"2026-11-24T09:00:00Z\"}"),
        first);
    assertEquals(first, api.post(order, "order-17"));
    assertEquals(
        first,
        api.post(order, "\"order-17\""),
        "the quoted form of the draft's header is the same key");
    assertEquals(
        new ApiClient.Response(200, "{\"accepted\":2}"),
        api.post("[{\"accountId\": 1}, {\"accountId\": 2}]", "b"));
    assertEquals(
        new ApiClient.Response(200, "{\"accepted\":2}"),
        api.post("[{\"accountId\": 1}, {\"accountId\": 2}]", "b"));
    assertEquals(4, wall.supervisor().details(10).orElseThrow().widgetsOrdered());
    assertEquals(1, wall.supervisor().details(1).orElseThrow().widgetsOrdered());
  }

  @Test
  void aKeyReusedForAnotherBodyIsRefusedWith422() throws Exception {
    start();
    api.post("{\"accountId\": 10}", "k");

    assertError(422, "was used for another request", api.post("{\"accountId\": 11}", "k"));
    assertEquals(false, wall.supervisor().exists(11));
  }

  @Test
  void aKeyThatIsEmptyTooLongOrNotPrintableAsciiIsRefused() throws Exception {
    start();

    assertError(400, "1 to 255 characters", api.post("{\"accountId\": 12}", "\"\""));
    assertError(400, "1 to 255 characters", api.post("{\"accountId\": 12}", "k".repeat(256)));
    // Java's client will not send a header that is not ASCII, so this one goes over a socket as
    // UTF-8.
    String body = "{\"accountId\": 12}";
    String request =
        "POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + TOKEN
            + "\r\nContent-Type: application/json\r\nIdempotency-Key: caf\u00e9\r\nContent-Length: "
            + body.length()
            + "\r\nConnection: close\r\n\r\n"
            + body;
    try (java.net.Socket socket =
        new java.net.Socket(
            wall.endpoint().address().getHost(), wall.endpoint().address().getPort())) {
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("printable ASCII"), answer);
    }
    assertEquals(false, wall.supervisor().exists(12));
  }

  @Test
  void whileTheDatabaseIsLockedOrdersGet503SayingWhetherTheyMayStillCountAndHealthSaysWhy()
      throws Exception {
    start();
    ApiClient anonymous = new ApiClient(wall.endpoint().address(), null);
    try (Connection other = DriverManager.getConnection(AccountDatabase.embeddedUrl(data));
        Statement sql = other.createStatement()) {
      sql.execute("BEGIN EXCLUSIVE");

      ApiClient.Response waited = api.post("{\"accountId\": 10}", "first");
      assertError(503, "locked by another program", waited);
      assertTrue(waited.body().contains("\"outcome\":\"unknown\""), waited.body());
      ApiClient.Response refused = api.post("{\"accountId\": 11}");
      assertTrue(refused.body().contains("\"outcome\":\"not applied\""), refused.body());
      ApiClient.Response health = anonymous.get("/api/health");
      assertEquals(503, health.status());
      assertTrue(
          health
              .body()
              .startsWith(
                  "{\"status\":\"degraded\",\"problems\":[\"orders cannot be stored: the database is locked"),
          health.body());

      sql.execute("COMMIT");
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (anonymous.get("/api/health").status() != 200) {
      assertTrue(System.nanoTime() < deadline, "healthy again within 10 s of the lock's end");
      TimeUnit.MILLISECONDS.sleep(20);
    }
    assertEquals(
        200,
        api.post("{\"accountId\": 10}", "first").status(),
        "the retry finds the first request stored");
    assertEquals(1, wall.supervisor().details(10).orElseThrow().widgetsOrdered());
  }

  private static void assertError(int status, String mentioned, ApiClient.Response response) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.body().startsWith("{\"error\":\""), response.body());
    assertTrue(
        response.body().contains(mentioned),
        () -> response.body() + " should mention " + mentioned);
  }
}
