package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.store.AccountDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code PUT /api/accounts/{id}/profile}: a name and a team stored before the answer, shown on the
 * live account at once, kept for the id beyond its account and across restarts; and every refusal
 * changing nothing.
 */
class ProfileApiTest {
  private static final String TOKEN = TestWalls.TOKEN;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String BEFORE = "{\"name\": \"Before\", \"team\": \"Team\"}";

  @TempDir Path data;
  private Wall wall;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    wall = TestWalls.start(data);
    api = new ApiClient(wall.endpoint().address(), TOKEN);
  }

  @AfterEach
  void stop() {
    wall.close();
  }

  private ApiClient.Response put(long id, String body) throws Exception {
    return put("/api/accounts/" + id + "/profile", body);
  }

  private ApiClient.Response put(String path, String body) throws Exception {
    return api.send("PUT", path, body, "application/json");
  }

  @Test
  void aProfileIsShownOnTheLiveAccountWhenAnswered() throws Exception {
    api.post("{\"accountId\": 10, \"quantity\": 3}");
    CopyOnWriteArrayList<String> changedTo = new CopyOnWriteArrayList<>();
    wall.supervisor()
        .addListener(
            new AccountListener() {
              @Override
              public void accountChanged(Account account) {
                changedTo.add(account.name());
              }
            });

    ApiClient.Response answer = put(10, "{\"name\": \"Northwind Traders\", \"team\": \"North\"}");

    assertEquals(200, answer.status(), answer.body());
    assertEquals(
        "{\"accountId\":10,\"name\":\"Northwind Traders\",\"team\":\"North\"}", answer.body());
    assertEquals(
        "{\"accountId\":10,\"name\":\"Northwind Traders\",\"team\":\"North\",\"widgetsSold\":3,"
            + "\"expiresAt\":\"2026-11-24T09:00:00Z\"}",
        api.get("/api/accounts/10").body());
    assertTrue(changedTo.contains("Northwind Traders"), "the window's rows hear of it");
    assertEquals(Map.of(10L, "Northwind Traders|North"), stored());
  }

  @Test
  void aTeamOmittedOrNullIsNone() throws Exception {
    api.post("{\"accountId\": 11}");
    assertEquals(200, put(11, BEFORE).status());

    ApiClient.Response omitted = put(11, "{\"name\": \"Acme Widgets GmbH\"}");

    assertEquals("{\"accountId\":11,\"name\":\"Acme Widgets GmbH\",\"team\":null}", omitted.body());
    assertTrue(api.get("/api/accounts/11").body().contains("\"team\":null"));
    assertEquals(200, put(11, "{\"team\": null, \"name\": \"Acme\"}").status());
    assertEquals(Map.of(11L, "Acme|"), stored());
  }

  @Test
  void aProfileOutlivesItsAccountsAndTheWallsRestart() throws Exception {
    assertEquals(200, put(77, "{\"name\": \"Kestrel Merchants\", \"team\": \"East\"}").status());
    assertEquals(404, api.get("/api/accounts/77").status(), "storing a profile creates no account");

    api.post("{\"accountId\": 77}");
    awaitName(77, "Kestrel Merchants");
    assertEquals(204, api.delete("/api/accounts/77").status());
    api.post("{\"accountId\": 77}");
    awaitName(77, "Kestrel Merchants");

    wall.close();
    wall = TestWalls.start(data);
    api = new ApiClient(wall.endpoint().address(), TOKEN);
    awaitName(77, "Kestrel Merchants"); // restored from the history, named from the database
    assertTrue(api.get("/api/accounts/77").body().contains("\"team\":\"East\""));
  }

  @Test
  void anIdWithoutAProfileHasItsBuiltInName() throws Exception {
    api.post("{\"accountId\": 422}");

    assertTrue(
        api.get("/api/accounts/422").body().contains("\"name\":\"Willow Widget Works\""),
        "a company-like name, the same on every wall");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 200})
  void eachFieldTakesOneToTwoHundredCharacters(int characters) throws Exception {
    String text = "\uD83D\uDE80".repeat(characters); // one character, two UTF-16 units

    ApiClient.Response answer = put(12, "{\"name\": \"" + text + "\", \"team\": \"" + text + "\"}");

    assertEquals(200, answer.status(), answer.body());
    assertEquals(Map.of(12L, text + "|" + text), stored());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "{\"name\": \"\"}                                  | name: empty: give 1 to 200 characters",
        "{\"name\": \"N\", \"team\": \"\"}                 | team: empty: give 1 to 200 characters",
        "{\"name\": \"NAME201\"}                           | name: 201 characters: at most 200",
        "{\"name\": \"N\", \"team\": \"NAME201\"}          | team: 201 characters: at most 200",
        "{\"name\": \"Acme\\u0007\"}                       | name: control character U+0007 at character 5",
        "{\"name\": \"A\\nB\"}                             | name: control character U+000A at character 2",
        "{\"name\": \"N\", \"team\": \"\\u2028\"}          | team: line separator U+2028 at character 1",
        "{\"name\": \"N\", \"team\": \"x\\u0085\"}         | team: control character U+0085 at character 2",
        "{\"name\": \"\\ud800\"}                           | name: lone surrogate U+D800 at character 1",
        "{\"name\": 5}                                     | name must be a JSON string of 1 to 200 characters, got 5",
        "{\"name\": [\"A\"]}                               | name must be a JSON string",
        "{\"name\": true}                                  | name must be a JSON string",
        "{\"name\": \"N\", \"team\": 7}                    | team must be a JSON string of 1 to 200 characters, got 7",
        "{\"name\": \"N\", \"team\": {}}                   | team must be a JSON string",
        "{\"name\": null}                                  | name is missing",
        "{\"team\": \"North\"}                             | name is missing",
        "{\"name\": \"N\", \"colour\": \"red\"}            | colour is not a field of a profile",
        "{\"name\": \"N\", \"name\": \"M\"}                | the body is not valid JSON: Duplicate field 'name'",
        "[{\"name\": \"N\"}]                               | a profile must be an object",
        "\"N\"                                             | a profile must be an object",
        "{\"name\": \"N\"} {}                              | the body is not valid JSON",
        "{\"name\": \"N\"                                  | the body is not valid JSON",
        "''                                                | the body is empty: send a profile such as",
      })
  void aRefusalNamesWhatIsWrongAndChangesNothing(String body, String error) throws Exception {
    api.post("{\"accountId\": 20}");
    assertEquals(200, put(20, BEFORE).status());

    ApiClient.Response answer = put(20, body.replace("NAME201", "n".repeat(201)));

    assertRefused(400, error, answer);
    assertUnchanged();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+20", "020", "-20", "0", "00", "20a", "%32%30", "9223372036854775808", "20.0"})
  void anIdThatIsNotCanonicalDecimalIsRefused(String id) throws Exception {
    api.post("{\"accountId\": 20}");
    assertEquals(200, put(20, BEFORE).status());

    ApiClient.Response answer = put("/api/accounts/" + id + "/profile", "{\"name\": \"Other\"}");

    assertRefused(400, "the account id in the path", answer);
    assertUnchanged();
  }

  @Test
  void aRequestWithoutTheTokenIsRefusedAsAnOrderIs() throws Exception {
    api.post("{\"accountId\": 20}");
    assertEquals(200, put(20, BEFORE).status());
    String orderRefusal = new ApiClient(wall.endpoint().address(), null).post("{}").body();

    for (String token : new String[] {null, "wrong-token"}) {
      ApiClient.Response answer =
          new ApiClient(wall.endpoint().address(), token)
              .send("PUT", "/api/accounts/20/profile", "{\"name\": \"Other\"}", "application/json");
      assertEquals(401, answer.status());
      assertEquals(orderRefusal, answer.body(), "the same shape and words as for an order");
    }
    byte[] body = "{\"name\": \"Other\"}".getBytes(StandardCharsets.UTF_8);
    try (RawHttp raw = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          raw.exchange(
              RawHttp.request(
                  "PUT /api/accounts/20/profile HTTP/1.1\nHost: x\nContent-Type: application/json"
                      + "\nContent-Length: "
                      + body.length,
                  body));
      assertEquals(401, answer.status());
      assertEquals("Bearer", answer.headers().get("www-authenticate"));
    }
    assertUnchanged();
  }

  @ParameterizedTest
  @CsvSource({
    "7b226e616d65223a202241c0af227d,     11", // {"name": "A<overlong />"}
    "7b226e616d65223a20224de9227d,       11", // Latin-1 é
    "7b226e616d65223a202241eda080227d,   11", // a surrogate, encoded
    "7b226e616d65223a202241e282,         11", // cut short at the end
  })
  void aBodyThatIsNotUtf8IsRefusedNamingTheByteOffset(String hex, int offset) throws Exception {
    api.post("{\"accountId\": 20}");
    assertEquals(200, put(20, BEFORE).status());
    byte[] body = HexFormat.of().parseHex(hex);

    try (RawHttp raw = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          raw.exchange(
              RawHttp.request(
                  "PUT /api/accounts/20/profile HTTP/1.1\nHost: x\nAuthorization: Bearer "
                      + TOKEN
                      + "\nContent-Type: application/json\nContent-Length: "
                      + body.length,
                  body));
      assertEquals(400, answer.status(), answer.body());
      assertTrue(answer.body().contains("not well-formed UTF-8 at byte offset " + offset + " "));
    }
    assertUnchanged();
  }

  @Test
  void anotherMediaTypeOrMethodIsRefused() throws Exception {
    api.post("{\"accountId\": 20}");
    assertEquals(200, put(20, BEFORE).status());

    assertRefused(
        415,
        "send the body as Content-Type: application/json",
        api.send("PUT", "/api/accounts/20/profile", "{\"name\": \"Other\"}", "text/plain"));
    for (String method : new String[] {"GET", "POST", "DELETE", "PATCH"}) {
      ApiClient.Response answer =
          api.send(method, "/api/accounts/20/profile", "{\"name\": \"Other\"}", "application/json");
      assertRefused(405, method + " is not allowed on /api/accounts/20/profile; use PUT", answer);
    }
    assertEquals(404, put("/api/accounts/20/profile/x", "{\"name\": \"Other\"}").status());
    assertEquals(404, put("/api/accounts/20/profiles", "{\"name\": \"Other\"}").status());
    assertRefused(
        400, "the account id in the path", put("/api/accounts//profile", "{\"name\": \"Other\"}"));
    assertUnchanged();
  }

  private static void assertRefused(int status, String error, ApiClient.Response answer) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.body().startsWith("{\"error\":\""), answer.body());
    assertTrue(answer.body().contains(error), () -> answer.body() + " should say: " + error);
  }

  /** Account 20's profile is still {@link #BEFORE}, in the database and on the wall. */
  private void assertUnchanged() throws Exception {
    assertEquals(Map.of(20L, "Before|Team"), stored());
    assertEquals("Before", wall.supervisor().details(20).orElseThrow().name());
    assertEquals("Team", wall.supervisor().details(20).orElseThrow().attribute());
  }

  private void awaitName(long id, String name) throws InterruptedException {
    Await.until(
        () -> wall.supervisor().details(id).map(d -> d.name().equals(name)).orElse(false),
        WAIT,
        () -> "account " + id + " named " + name + ", is " + wall.supervisor().details(id));
  }

  /** The accounts table as {@code name|attribute} by id, read beside the wall. */
  private Map<Long, String> stored() throws Exception {
    Map<Long, String> rows = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(AccountDatabase.embeddedUrl(data));
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT account_id, name, attribute FROM accounts")) {
      while (row.next()) {
        rows.put(row.getLong(1), row.getString(2) + "|" + row.getString(3));
      }
    }
    return rows;
  }
}
