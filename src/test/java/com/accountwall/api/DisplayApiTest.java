package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.files.SettingsFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET} and {@code PATCH /api/display} on a headless wall over loopback: every field is
 * changed, read back, applied where it applies without a window and remembered across a restart on
 * the same data folder; every refusal names what is wrong and changes nothing.
 */
class DisplayApiTest {
  private static final String DEFAULTS =
      "{\"theme\":\"dark\",\"kiosk\":false,\"secondsPerPage\":10,\"pagingPaused\":false,"
          + "\"goal\":null,\"generator\":false,\"rate\":10,\"lifetime\":\"PT24H\",\"schedule\":null,\"team\":null}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private Wall wall;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    wall = TestWalls.start(data);
    api = new ApiClient(wall.endpoint().address(), TestWalls.TOKEN);
  }

  @AfterEach
  void stop() {
    wall.close();
  }

  private void restart() throws Exception {
    wall.close();
    start();
  }

  private ApiClient.Response patch(String body) throws Exception {
    return api.send("PATCH", "/api/display", body, "application/json");
  }

  @Test
  void getAnswersEveryFieldOfTheDisplay() throws Exception {
    assertEquals(new ApiClient.Response(200, DEFAULTS), api.get("/api/display"));
  }

  @ParameterizedTest
  @MethodSource("everyField")
  void everyFieldPatchedIsReadBackAndRememberedAcrossARestart(
      String body, String field, String shown) throws Exception {
    ApiClient.Response patched = patch(body);

    assertEquals(200, patched.status(), patched.body());
    assertEquals(shown, JSON.readTree(patched.body()).get(field).toString(), patched.body());
    assertEquals(patched.body(), api.get("/api/display").body(), "read back as answered");
    restart();
    assertEquals(patched.body(), api.get("/api/display").body(), "remembered");
  }

  static Stream<Arguments> everyField() {
    return Stream.of(
        Arguments.of("{\"theme\": \"light\"}", "theme", "\"light\""),
        Arguments.of("{\"kiosk\": true}", "kiosk", "true"),
        Arguments.of("{\"secondsPerPage\": 30}", "secondsPerPage", "30"),
        Arguments.of("{\"pagingPaused\": true}", "pagingPaused", "true"),
        Arguments.of("{\"goal\": 12000}", "goal", "12000"),
        Arguments.of("{\"generator\": true}", "generator", "true"),
        Arguments.of("{\"rate\": 250}", "rate", "250"),
        Arguments.of("{\"rate\": 2.5}", "rate", "2.5"),
        Arguments.of("{\"lifetime\": \"PT2H\"}", "lifetime", "\"PT2H\""),
        Arguments.of("{\"lifetime\": \"2h\"}", "lifetime", "\"PT2H\""),
        Arguments.of("{\"lifetime\": \"90s\"}", "lifetime", "\"PT1M30S\""),
        Arguments.of(
            "{\"schedule\": \"Mon-Fri 07:00-19:00\"}", "schedule", "\"Mon-Fri 07:00-19:00\""),
        Arguments.of("{\"team\": \"North\"}", "team", "\"North\""),
        Arguments.of(
            "{\"team\": \"\u00c9quipe \u00e9t\u00e9\"}", "team", "\"\u00c9quipe \u00e9t\u00e9\""));
  }

  @Test
  void nullClearsTheGoalTheScheduleAndTheTeamAndIsRemembered() throws Exception {
    patch("{\"goal\": 500, \"schedule\": \"daily 22:00-06:00\", \"team\": \"North\"}");

    ApiClient.Response cleared = patch("{\"goal\": null, \"schedule\": null, \"team\": null}");

    assertEquals(new ApiClient.Response(200, DEFAULTS), cleared);
    restart();
    assertEquals(DEFAULTS, api.get("/api/display").body());
  }

  @Test
  void aPatchOfSeveralFieldsAppliesTheSimulatedOrdersAndTheLifetimeWithoutAWindow()
      throws Exception {
    ApiClient.Response patched =
        patch("{\"generator\": true, \"rate\": 40, \"lifetime\": \"PT1H\", \"theme\": \"light\"}");

    assertEquals(
        "{\"theme\":\"light\",\"kiosk\":false,\"secondsPerPage\":10,\"pagingPaused\":false,"
            + "\"goal\":null,\"generator\":true,\"rate\":40,\"lifetime\":\"PT1H\",\"schedule\":null,"
            + "\"team\":null}",
        patched.body());
    assertTrue(wall.generator().isRunning());
    assertEquals(40, wall.generator().rate());
    Await.until(
        () -> wall.supervisor().lifetime().equals(Duration.ofHours(1)),
        Duration.ofSeconds(10),
        () -> "the journal applies the new lifetime, now " + wall.supervisor().lifetime());

    patch("{\"generator\": false}");
    assertFalse(wall.generator().isRunning());
  }

  @Test
  void anEmptyPatchChangesNothing() throws Exception {
    assertEquals(new ApiClient.Response(200, DEFAULTS), patch("{}"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void aBadPatchIsRefusedNamingTheFieldAndChangesNothing(String body, String named)
      throws Exception {
    ApiClient.Response refused = patch(body);

    assertRefused(400, named, refused);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("{\"colour\": \"red\"}", "colour is not a field of the display"),
        Arguments.of("{\"theme\": \"purple\"}", "theme: 'purple' is not a theme"),
        Arguments.of("{\"theme\": 1}", "theme: must be \"dark\" or \"light\", got 1"),
        Arguments.of("{\"theme\": null}", "theme: must be \"dark\" or \"light\", got null"),
        Arguments.of("{\"kiosk\": \"yes\"}", "kiosk: must be true or false, got \"yes\""),
        Arguments.of("{\"kiosk\": null}", "kiosk: must be true or false, got null"),
        Arguments.of(
            "{\"secondsPerPage\": 0}",
            "secondsPerPage: a page must show for at least 1 second, was 0"),
        Arguments.of("{\"secondsPerPage\": 2.5}", "secondsPerPage: must be a whole number"),
        Arguments.of("{\"secondsPerPage\": \"10\"}", "secondsPerPage: must be a whole number"),
        Arguments.of("{\"secondsPerPage\": 3000000000}", "secondsPerPage: must be a whole number"),
        Arguments.of("{\"pagingPaused\": 1}", "pagingPaused: must be true or false, got 1"),
        Arguments.of("{\"goal\": 0}", "goal: a goal must be at least 1 widget, was 0"),
        Arguments.of("{\"goal\": -5}", "goal: a goal must be at least 1 widget, was -5"),
        Arguments.of("{\"goal\": 1.5}", "goal: must be a whole number of widgets"),
        Arguments.of("{\"goal\": \"12000\"}", "goal: must be a whole number of widgets"),
        Arguments.of("{\"generator\": \"on\"}", "generator: must be true or false"),
        Arguments.of("{\"rate\": -1}", "rate: a rate must be from 0 to 1000000"),
        Arguments.of("{\"rate\": 1000001}", "rate: a rate must be from 0 to 1000000"),
        Arguments.of("{\"rate\": \"10\"}", "rate: must be a number"),
        Arguments.of("{\"rate\": null}", "rate: must be a number"),
        Arguments.of("{\"lifetime\": \"PT0S\"}", "lifetime: a lifetime must be from 1 ms"),
        Arguments.of("{\"lifetime\": \"P3651D\"}", "lifetime: a lifetime must be from 1 ms"),
        Arguments.of("{\"lifetime\": \"P8D\"}", "lifetime: must be at most the history kept"),
        Arguments.of(
            "{\"lifetime\": \"24 hours\"}",
            "lifetime: '24 hours' is not a duration; write it like 30s, 5m, 24h or PT5M"),
        Arguments.of("{\"lifetime\": 86400}", "lifetime: must be a duration such as"),
        Arguments.of("{\"schedule\": \"Mon-Fri 07:00\"}", "schedule: 'Mon-Fri 07:00' is not"),
        Arguments.of("{\"schedule\": 5}", "schedule: must be text"),
        Arguments.of("{\"team\": \"\"}", "team: empty: give 1 to 200 characters"),
        Arguments.of(
            "{\"team\": \"" + "n".repeat(201) + "\"}", "team: 201 characters: at most 200"),
        Arguments.of(
            "{\"team\": \"North\\nSouth\"}", "team: control character U+000A at character 6"),
        Arguments.of("{\"team\": 7}", "team: must be text such as \"North\", or null for all"),
        Arguments.of("{\"team\": [\"North\"]}", "team: must be text"),
        Arguments.of(
            "{\"theme\": \"light\", \"secondsPerPage\": 0}",
            "secondsPerPage: a page must show for at least 1 second"),
        Arguments.of(
            "{\"generator\": true, \"rate\": 50, \"lifetime\": \"P8D\"}",
            "lifetime: must be at most the history kept"),
        Arguments.of("[{\"theme\": \"light\"}]", "must be a JSON object"),
        Arguments.of("\"light\"", "must be a JSON object"),
        Arguments.of("null", "must be a JSON object"),
        Arguments.of("{\"theme\": ", "not valid JSON"),
        Arguments.of("{\"theme\": \"light\"} {}", "not valid JSON"),
        Arguments.of("{\"theme\": \"light\", \"theme\": \"dark\"}", "Duplicate field 'theme'"),
        Arguments.of("", "the body is empty"));
  }

  @Test
  void aRefusedTeamKeepsTheTeamShown() throws Exception {
    String north = patch("{\"team\": \"North\"}").body();

    assertEquals(400, patch("{\"team\": \"\"}").status());
    assertEquals(400, patch("{\"team\": false}").status());
    assertEquals(400, patch("{\"theme\": \"light\", \"team\": \"a\\u0007b\"}").status());

    assertEquals(north, api.get("/api/display").body());
    assertTrue(north.contains("\"team\":\"North\""), north);
    restart();
    assertEquals(north, api.get("/api/display").body(), "remembered across a restart");
  }

  @Test
  void withoutTheTokenOrWithAWrongOneNothingIsShownOrChanged() throws Exception {
    for (String token : new String[] {null, TestWalls.TOKEN + "x"}) {
      ApiClient intruder = new ApiClient(wall.endpoint().address(), token);
      assertRefused(401, "Authorization: Bearer", intruder.get("/api/display"));
      assertRefused(
          401,
          "Authorization: Bearer",
          intruder.send("PATCH", "/api/display", "{\"kiosk\": true}", "application/json"));
    }
  }

  @Test
  void aBodyThatIsNotJsonInUtf8IsRefused() throws Exception {
    assertRefused(
        415,
        "Content-Type: application/json",
        api.send("PATCH", "/api/display", "{\"kiosk\": true}", "text/plain"));
    assertRefused(
        415,
        "Content-Type: application/json",
        api.send("PATCH", "/api/display", "{\"kiosk\": true}", "application/json; charset=latin1"));

    byte[] latin1 = "{\"theme\": \"l\u00e9ght\"}".getBytes(StandardCharsets.ISO_8859_1);
    try (RawHttp raw = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          raw.exchange(
              RawHttp.request(
                  "PATCH /api/display HTTP/1.1\nHost: x\nAuthorization: Bearer "
                      + TestWalls.TOKEN
                      + "\nContent-Type: application/json\nContent-Length: "
                      + latin1.length,
                  latin1));
      assertEquals(400, answer.status(), answer.body());
      assertTrue(answer.body().contains("not well-formed UTF-8 at byte offset 12"), answer.body());
    }
    byte[] utf16 = "{\"kiosk\": true}".getBytes(StandardCharsets.UTF_16);
    try (RawHttp raw = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          raw.exchange(
              RawHttp.request(
                  "PATCH /api/display HTTP/1.1\nHost: x\nAuthorization: Bearer "
                      + TestWalls.TOKEN
                      + "\nContent-Type: application/json\nContent-Length: "
                      + utf16.length,
                  utf16));
      assertEquals(400, answer.status(), answer.body());
      assertTrue(answer.body().contains("not well-formed UTF-8 at byte offset 0"), answer.body());
    }
    assertUnchanged();
  }

  @Test
  void otherMethodsAreRefusedSayingWhichItTakes() throws Exception {
    assertRefused(
        405, "use GET or PATCH", api.send("POST", "/api/display", "{}", "application/json"));
    assertRefused(
        405, "use GET or PATCH", api.send("PUT", "/api/display", "{}", "application/json"));
    assertRefused(405, "use GET or PATCH", api.delete("/api/display"));
  }

  /**
   * A refusal with {@code status} and the error shape mentioning {@code named}; nothing changed.
   */
  private void assertRefused(int status, String named, ApiClient.Response refused)
      throws Exception {
    assertEquals(status, refused.status(), refused.body());
    JsonNode error = JSON.readTree(refused.body());
    assertEquals(1, error.size(), refused.body());
    assertTrue(error.get("error").asText().contains(named), refused.body());
    assertUnchanged();
  }

  /**
   * As the wall started: the same state, the generator and lifetime as they were, nothing saved.
   */
  private void assertUnchanged() throws Exception {
    assertEquals(DEFAULTS, api.get("/api/display").body());
    assertFalse(wall.generator().isRunning());
    assertEquals(10, wall.generator().rate());
    assertEquals(Duration.ofHours(24), wall.supervisor().lifetime());
    assertFalse(Files.exists(data.resolve(SettingsFile.NAME)), "nothing was remembered");
  }
}
