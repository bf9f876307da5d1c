package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} of a real wall on a loopback port: its text, its meters, its access. */
class MetricsTest {
  private static final String TOKEN = "test-token";
  private static final String METRICS_TOKEN = "metrics-token-0123456789";
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
  void countsOrdersAcceptedAndRefusedByReasonWithTheirLatencyAndCommits() throws Exception {
    start();
    assertEquals(200, api.post("{\"accountId\": 10, \"quantity\": 3}").status());
    assertEquals(200, api.post("[{\"accountId\": 11}, {\"accountId\": 12}]").status());
    assertEquals(200, api.post("{\"accountId\": 13}", "key-1").status());
    assertEquals(200, api.post("{\"accountId\": 13}", "key-1").status()); // a repeat adds none
    assertEquals(422, api.post("{\"accountId\": 14}", "key-1").status());
    assertEquals(400, api.post("{\"accountId\": -1}").status());
    assertEquals(400, api.post("not json").status());
    assertEquals(401, new ApiClient(wall.endpoint().address(), "wrong").post("{}").status());
    assertEquals(405, api.get("/api/orders").status());
    assertEquals(413, api.post("[" + "{\"accountId\": 1},".repeat(70_000) + "]").status());

    HttpResponse<String> scraped = get("/metrics", null);

    assertEquals(200, scraped.statusCode());
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8",
        scraped.headers().firstValue("Content-Type").orElseThrow());
    Map<String, Double> samples = PrometheusText.samples(scraped.body());
    assertEquals(4.0, samples.get("account_wall_orders_accepted_total"));
    assertEquals(2.0, samples.get("account_wall_orders_refused_total{reason=\"bad_request\"}"));
    assertEquals(1.0, samples.get("account_wall_orders_refused_total{reason=\"unauthorized\"}"));
    assertEquals(1.0, samples.get("account_wall_orders_refused_total{reason=\"key_reused\"}"));
    assertEquals(
        1.0, samples.get("account_wall_orders_refused_total{reason=\"method_not_allowed\"}"));
    assertEquals(1.0, samples.get("account_wall_orders_refused_total{reason=\"too_large\"}"));
    // Every acknowledged request, the repeat too, with its latency in histogram buckets.
    assertEquals(4.0, samples.get("account_wall_orders_acknowledgement_seconds_count"));
    assertEquals(
        4.0, samples.get("account_wall_orders_acknowledgement_seconds_bucket{le=\"+Inf\"}"));
    assertTrue(
        samples.keySet().stream()
                .filter(
                    name -> name.startsWith("account_wall_orders_acknowledgement_seconds_bucket"))
                .count()
            > 10,
        "histogram buckets: " + scraped.body());
    // Four orders reached the writer, in one to four commits; the repeat and the refusals never.
    assertEquals(4.0, samples.get("account_wall_journal_commit_orders_sum"));
    double commits = samples.get("account_wall_journal_commit_orders_count");
    assertTrue(commits >= 1 && commits <= 4, "commits: " + commits);
    assertNotNull(samples.get("account_wall_journal_backlog"));
    assertEquals((double) wall.supervisor().count(), samples.get("account_wall_accounts_live"));
    assertEquals(4.0, samples.get("account_wall_accounts_live"));
  }

  @Test
  void followsTheLiveAccountsAndHowTheyEnded() throws Exception {
    start("--lifetime=1h");
    api.post("[{\"accountId\": 1}, {\"accountId\": 2}, {\"accountId\": 3}]");
    assertEquals(204, api.delete("/api/accounts/3").status());
    clock.advance(Duration.ofMinutes(30));
    api.post("{\"accountId\": 2}");
    clock.advance(Duration.ofMinutes(31)); // past account 1's deadline, not account 2's
    wall.supervisor().expireDue();

    Map<String, Double> samples = PrometheusText.samples(get("/metrics", null).body());

    assertEquals(1, wall.supervisor().count());
    assertEquals(1.0, samples.get("account_wall_accounts_live"));
    assertEquals(1.0, samples.get("account_wall_accounts_ended_total{cause=\"expiry\"}"));
    assertEquals(1.0, samples.get("account_wall_accounts_ended_total{cause=\"request\"}"));
  }

  @Test
  void carriesTheJvmsMetersInValidPrometheusText() throws Exception {
    start();

    String text = get("/metrics", null).body();

    for (String line : text.split("\n")) {
      assertTrue(PrometheusText.isLine(line), "not Prometheus text: " + line);
    }
    Map<String, Double> samples = PrometheusText.samples(text);
    for (String meter :
        List.of(
            "jvm_memory_used_bytes{area=\"heap\"",
            "jvm_threads_live_threads",
            "jvm_gc_",
            "process_uptime_seconds",
            "system_cpu_count",
            "jvm_classes_loaded_classes")) {
      assertTrue(
          samples.keySet().stream().anyMatch(name -> name.startsWith(meter)),
          meter + " in " + text);
    }
  }

  @Test
  void aWallWithoutAWindowHasNoWindowMeters() throws Exception {
    start();

    String text = get("/metrics", null).body();

    assertTrue(text.contains("account_wall_accounts_live"), text);
    assertFalse(text.contains("account_wall_window_"), "no window, no pulses: " + text);
  }

  @Test
  void withItsTokenOnlyTheTokenOpensIt() throws Exception {
    start("--metrics-token=" + METRICS_TOKEN);

    HttpResponse<String> none = get("/metrics", null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertTrue(none.body().startsWith("{\"error\":"), none.body());
    assertEquals(401, get("/metrics", METRICS_TOKEN + "x").statusCode());
    assertEquals(401, get("/metrics", TOKEN).statusCode(), "the API's token is not the metrics'");
    HttpResponse<String> right = get("/metrics", METRICS_TOKEN);
    assertEquals(200, right.statusCode());
    assertTrue(right.body().contains("account_wall_accounts_live"), right.body());
  }

  @Test
  void onlyGet() throws Exception {
    start();

    ApiClient.Response posted = api.send("POST", "/metrics", "{}", "application/json");

    assertEquals(405, posted.status());
    assertEquals("{\"error\":\"POST is not allowed on /metrics; use GET\"}", posted.body());
  }

  @Test
  void withoutATokenOnlyThisMachineMayRead() {
    MetricsAccess loopbackOnly = new MetricsAccess(null);

    loopbackOnly.check(new InetSocketAddress("127.0.0.1", 40000), null);
    loopbackOnly.check(new InetSocketAddress("::1", 40000), null);
    ApiException refused =
        assertThrows(
            ApiException.class,
            () -> loopbackOnly.check(new InetSocketAddress("192.0.2.7", 40000), "Bearer x"));
    assertEquals(403, refused.status());
    assertEquals(403, refused.answer().status());
    assertTrue(
        new String(refused.answer().body(), java.nio.charset.StandardCharsets.UTF_8)
            .startsWith("{\"error\":"));
    // With a token, the address does not matter: the token does.
    MetricsAccess withToken = new MetricsAccess(METRICS_TOKEN);
    withToken.check(new InetSocketAddress("192.0.2.7", 40000), "Bearer " + METRICS_TOKEN);
    assertEquals(
        401,
        assertThrows(
                ApiException.class,
                () -> withToken.check(new InetSocketAddress("127.0.0.1", 40000), null))
            .status());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    URI base = wall.endpoint().address();
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
