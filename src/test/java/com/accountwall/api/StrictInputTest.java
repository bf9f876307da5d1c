package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Wall;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API refuses what it cannot read exactly, in its one error shape, and changes nothing. */
class StrictInputTest {
  private static final String TOKEN = TestWalls.TOKEN;
  private static final String HEAD =
      "POST /api/orders HTTP/1.1\nHost: x\nAuthorization: Bearer "
          + TOKEN
          + "\nContent-Type: application/json";

  @TempDir static Path data;
  private static Wall wall;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    wall = TestWalls.start(data);
    api = new ApiClient(wall.endpoint().address(), TOKEN);
  }

  @AfterAll
  static void stop() {
    wall.close();
  }

  @ParameterizedTest
  @CsvSource({
    "UTF-16,   0", // Java writes a byte order mark, FE FF
    "UTF-16LE, -", // {, NUL, ", NUL…: well-formed UTF-8, but not JSON
    "UTF-16BE, -",
    "UTF-32,   -",
  })
  void aBodyInAnotherEncodingIsRefused(String charset, String offset) throws Exception {
    byte[] body = "{\"accountId\": 41}".getBytes(Charset.forName(charset));

    RawHttp.Answer answer = post(body);

    assertError(400, answer);
    if (!offset.equals("-")) {
      assertTrue(
          answer.body().contains("not well-formed UTF-8 at byte offset " + offset), answer.body());
    }
    assertFalse(wall.supervisor().exists(41));
  }

  @ParameterizedTest
  @CsvSource({
    "7b2261c0af63636f756e744964223a2034327d,                3", // {"a<overlong />ccountId": 42}
    "7b226163636f756e744964223a2034322c2278eda080223a20317d, 19", // a surrogate in a field name
    "7b226163636f756e744964223a2034322c2278e9223a20317d,     19", // Latin-1 é
    "7b226163636f756e744964223a2034322c2278f4908080223a20317d, 19", // above U+10FFFF
    "7b226163636f756e744964223a2034322c2278e282,              19", // cut short at the end
  })
  void aBodyThatIsNotWellFormedUtf8IsRefusedNamingTheByteOffset(String hex, int offset)
      throws Exception {
    RawHttp.Answer answer = post(HexFormat.of().parseHex(hex));

    assertError(400, answer);
    assertTrue(answer.body().contains("at byte offset " + offset + " "), answer.body());
    assertFalse(wall.supervisor().exists(42));
  }

  @Test
  void wellFormedUtf8BeyondAsciiIsReadAsUtf8() throws Exception {
    // An unknown field spelt in UTF-8 is named back as it was written.
    RawHttp.Answer answer =
        post("{\"accountId\": 43, \"qu\u00e4ntity\": 1}".getBytes(StandardCharsets.UTF_8));

    assertError(400, answer);
    assertTrue(answer.body().contains("qu\u00e4ntity is not a field"), answer.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+5", "05", "-5", "%35", "5a", "00", "0x5", "9223372036854775808", "5.0"})
  void anAccountIdInThePathMustBeCanonicalDecimal(String id) throws Exception {
    api.post("{\"accountId\": 5}");

    for (String method : new String[] {"GET", "DELETE"}) {
      ApiClient.Response answer = api.send(method, "/api/accounts/" + id, null, null);
      assertEquals(400, answer.status(), answer.body());
      assertTrue(
          answer.body().startsWith("{\"error\":\"the account id in the path"), answer.body());
    }
    assertTrue(wall.supervisor().exists(5));
    assertEquals(200, api.get("/api/accounts/5").status());
    assertEquals(
        404,
        api.get("/api/accounts/9223372036854775807").status(),
        "the largest id is read, and not live");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=\"utf-8\"",
        "application/json;charset=\"UTF-8\"",
        "Application/JSON; Charset=utf-8",
        "application/json; charset=utf-8; q=1"
      })
  void utf8IsAcceptedQuotedOrNot(String contentType) throws Exception {
    assertEquals(200, api.send("POST", "/api/orders", "{\"accountId\": 44}", contentType).status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=\"latin1\"",
        "application/json; charset=utf-16",
        "application/jsonx"
      })
  void anotherCharsetIsRefused(String contentType) throws Exception {
    ApiClient.Response answer = api.send("POST", "/api/orders", "{\"accountId\": 45}", contentType);
    assertEquals(415, answer.status(), answer.body());
    assertFalse(wall.supervisor().exists(45));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Length: 17~Content-Length: 18        | 400",
        "Content-Length: 17, 18                       | 400",
        "Content-Length: 17~Transfer-Encoding: chunked | 400",
        "Transfer-Encoding: gzip                      | 400",
        "Content-Length: -17                          | 400",
      })
  void requestsThatTheHttpParserRefusesGetTheErrorShapeAndTheConnectionCloses(
      String framing, int status) throws Exception {
    // CSV ends a row at a line break, so the rows join their header lines with ~.
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          connection.exchange(
              RawHttp.request(
                  HEAD + "\n" + framing.strip().replace('~', '\n'),
                  "{\"accountId\": 46}".getBytes(StandardCharsets.US_ASCII)));

      assertError(status, answer);
      assertEquals("close", answer.headers().get("connection"));
      assertTrue(connection.closedByServer());
    }
    assertFalse(wall.supervisor().exists(46));
  }

  @Test
  void badChunkingIsRefusedInTheErrorShape() throws Exception {
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          connection.exchange(
              RawHttp.request(
                  HEAD + "\nTransfer-Encoding: chunked",
                  "zz\r\n{\"accountId\": 47}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

      assertError(400, answer);
      assertTrue(connection.closedByServer());
    }
    assertFalse(wall.supervisor().exists(47));
  }

  @Test
  void aChunkedBodyIsRead() throws Exception {
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          connection.exchange(
              RawHttp.request(
                  HEAD + "\nTransfer-Encoding: chunked",
                  "8\r\n{\"accoun\r\n9\r\ntId\": 48}\r\n0\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII)));

      assertEquals(200, answer.status(), answer.body());
    }
    assertTrue(wall.supervisor().exists(48));
  }

  @Test
  void headersOverTheLimitAre431AndALongRequestLine414() throws Exception {
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          connection.exchange(
              RawHttp.request(
                  HEAD + "\nX-Padding: " + "p".repeat(9000) + "\nContent-Length: 17",
                  "{\"accountId\": 49}".getBytes(StandardCharsets.US_ASCII)));
      assertError(431, answer);
      assertTrue(connection.closedByServer());
    }
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      RawHttp.Answer answer =
          connection.exchange(
              RawHttp.request(
                  "GET /api/health?" + "q".repeat(5000) + " HTTP/1.1\nHost: x", new byte[0]));
      assertError(414, answer);
    }
    assertFalse(wall.supervisor().exists(49));
  }

  @Test
  void aBodyLargeEnoughToBeReadOffTheEventLoopIsReadAlike() throws Exception {
    String orders = "{\"accountId\": 60},".repeat(1_999);
    assertTrue(orders.length() > ApiRoutes.READ_INLINE_BYTES);

    assertEquals(
        new ApiClient.Response(200, "{\"accepted\":2000}"),
        api.post("[" + orders + "{\"accountId\": 61}]"));
    ApiClient.Response wrong = api.post("[" + orders + "{\"accountId\": 0}]");
    assertEquals(400, wrong.status());
    assertTrue(wrong.body().contains("[1999].accountId"), wrong.body());
    byte[] notUtf8 =
        ("[" + orders + "{\"accountId\": 62, \"x\u00e9\": 1}]")
            .getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Answer answer = post(notUtf8);
    assertError(400, answer);
    assertTrue(
        answer.body().contains("at byte offset " + (notUtf8.length - 7) + " "), answer.body());

    assertEquals(1_999, wall.supervisor().details(60).orElseThrow().widgetsOrdered());
    assertFalse(wall.supervisor().exists(62));
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    byte[] order =
        RawHttp.request(
            HEAD + "\nContent-Length: 17",
            "{\"accountId\": 50}".getBytes(StandardCharsets.US_ASCII));
    byte[] read =
        RawHttp.request(
            "GET /api/accounts/50 HTTP/1.1\nHost: x\nAuthorization: Bearer " + TOKEN, new byte[0]);
    byte[] both = new byte[order.length * 2 + read.length];
    System.arraycopy(order, 0, both, 0, order.length);
    System.arraycopy(order, 0, both, order.length, order.length);
    System.arraycopy(read, 0, both, 2 * order.length, read.length);
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      connection.write(both);

      for (int widgets : new int[] {1, 2, 2}) {
        String answer = connection.read().body();
        assertTrue(answer.contains("\"widgetsSold\":" + widgets), answer);
      }
    }
  }

  private RawHttp.Answer post(byte[] body) throws Exception {
    try (RawHttp connection = new RawHttp(wall.endpoint().address())) {
      return connection.exchange(RawHttp.request(HEAD + "\nContent-Length: " + body.length, body));
    }
  }

  private static void assertError(int status, RawHttp.Answer answer) {
    assertEquals(status, answer.status(), answer.body());
    assertEquals("application/json; charset=utf-8", answer.headers().get("content-type"));
    assertTrue(answer.body().startsWith("{\"error\":\""), answer.body());
  }
}
