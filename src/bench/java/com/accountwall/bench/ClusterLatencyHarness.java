package com.accountwall.bench;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.CoarseClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long after one wall acknowledges an order another wall shows it, in cluster mode. It starts
 * two headless walls in this JVM on the given Kafka cluster and topic, sends {@code --orders}
 * single orders one after another to the first wall's API, each for a new account id, and notes
 * with one {@code System.nanoTime()} clock when each answer 200 arrived and when the second wall
 * announced that account. It prints percentiles of (shown − acknowledged); a negative value means
 * the second wall showed the order before the first one had answered (the first wall answers only
 * once it has read the order back itself). It also prints the answer's latency and the time from
 * sending to showing at the other wall.
 *
 * <p>With {@code --load N}, N more connections send single orders to the first wall back to back
 * all the while (ids of 10,000 accounts), so the latencies are those of a wall under that load; the
 * load's acknowledged orders per second are printed beside them.
 *
 * <p>Arguments: {@code --kafka HOST:PORT,...} (required), {@code --topic T} (default
 * account-wall.orders), {@code --orders N} (2000), {@code --warmup N} (200) orders not counted,
 * {@code --load N} (0). Run against scripts/kafka-cluster brokers:
 *
 * <pre>
 * mvn -q -B -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.ClusterLatencyHarness -Dbench.args="--kafka 127.0.0.1:19092,127.0.0.1:29092,127.0.0.1:39092"
 * </pre>
 *
 * <p>Bounded: each request times out after 40 s, waiting for the last order to show after 60 s.
 */
public final class ClusterLatencyHarness {
  private ClusterLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        ApiLoadHarness.options(args, "--kafka", "--topic", "--orders", "--warmup", "--load");
    String kafka = options.get("--kafka");
    if (kafka == null) {
      throw new IllegalArgumentException("--kafka HOST:PORT,... is required");
    }
    String topic = options.getOrDefault("--topic", "account-wall.orders");
    int orders = Integer.parseInt(options.getOrDefault("--orders", "2000"));
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "200"));
    int load = Integer.parseInt(options.getOrDefault("--load", "0"));
    // Ids of their own, so this run's accounts are new on both walls even on a topic used before.
    long firstId = System.currentTimeMillis() * 1000;
    Map<Long, Long> shownAt = new ConcurrentHashMap<>();
    long[] sentAt = new long[orders + warmup];
    long[] acknowledgedAt = new long[orders + warmup];

    Path data = Files.createTempDirectory("account-wall-latency-");
    try (CoarseClock clock = new CoarseClock();
        Wall taking = start(data.resolve("taking"), kafka, topic, clock);
        Wall showing = start(data.resolve("showing"), kafka, topic, clock)) {
      showing
          .supervisor()
          .addListener(
              new AccountListener() {
                @Override
                public void accountCreated(Account account) {
                  shownAt.putIfAbsent(account.id(), System.nanoTime());
                }
              });
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI endpoint = taking.endpoint().address().resolve("/api/orders");
      Load background = Load.start(taking, load);
      long measureStart = 0;
      for (int i = 0; i < orders + warmup; i++) {
        if (i == warmup) {
          measureStart = System.nanoTime();
          background.countFromNow();
        }
        HttpRequest request =
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + ApiLoadHarness.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\": " + (firstId + i) + "}"))
                .build();
        sentAt[i] = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        acknowledgedAt[i] = System.nanoTime();
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              "order " + i + " answered " + response.statusCode() + ": " + response.body());
        }
      }
      double loadPerSecond = background.stop() / ((System.nanoTime() - measureStart) / 1e9);
      // Every order, not the last one: orders of different accounts sit on different partitions,
      // which the other wall reads side by side, so the last may show before an earlier one.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      for (long id = firstId; id < firstId + orders + warmup && System.nanoTime() < deadline; ) {
        if (shownAt.containsKey(id)) {
          id++;
        } else {
          Thread.sleep(10);
        }
      }
      double[] micros = new double[orders];
      double[] roundTrip = new double[orders];
      double[] answer = new double[orders];
      for (int i = 0; i < orders; i++) {
        Long shown = shownAt.get(firstId + warmup + i);
        if (shown == null) {
          throw new IllegalStateException(
              "order " + (warmup + i) + " never showed on the second wall");
        }
        micros[i] = (shown - acknowledgedAt[warmup + i]) / 1_000.0;
        roundTrip[i] = (shown - sentAt[warmup + i]) / 1_000.0;
        answer[i] = (acknowledgedAt[warmup + i] - sentAt[warmup + i]) / 1_000.0;
      }
      Arrays.sort(micros);
      Arrays.sort(roundTrip);
      Arrays.sort(answer);
      long before = Arrays.stream(micros).filter(m -> m < 0).count();
      System.out.printf(
          Locale.ROOT,
          "JDK %s, %d cores; %d orders one after another (after %d warm-up); beside them %d"
              + " connections of single orders: %,.0f acknowledged/s%n",
          Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          orders,
          warmup,
          load,
          loadPerSecond);
      System.out.printf(
          Locale.ROOT,
          "acknowledged at one wall -> shown at the other: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
              + "%d of %d showed before the answer arrived%n",
          at(micros, 0.50) / 1000,
          at(micros, 0.90) / 1000,
          at(micros, 0.99) / 1000,
          micros[orders - 1] / 1000,
          before,
          orders);
      System.out.printf(
          Locale.ROOT,
          "sent to one wall -> answered 200: p50 %.2f ms, p99 %.2f ms; sent -> shown at the other: p50 %.2f ms, p99 %.2f ms%n",
          at(answer, 0.50) / 1000,
          at(answer, 0.99) / 1000,
          at(roundTrip, 0.50) / 1000,
          at(roundTrip, 0.99) / 1000);
    } finally {
      ApiLoadHarness.deleteTree(data);
    }
  }

  /** Connections sending single orders back to back, counting the answers 200. */
  private static final class Load {
    private final List<Thread> clients = new ArrayList<>();
    private final LongAdder acknowledged = new LongAdder();
    private volatile boolean stopping;

    static Load start(Wall wall, int connections) throws Exception {
      Load load = new Load();
      InetSocketAddress address =
          new InetSocketAddress(
              InetAddress.getByName("127.0.0.1"), wall.endpoint().address().getPort());
      for (int c = 0; c < connections; c++) {
        SplittableRandom random = new SplittableRandom(c);
        Thread client = new Thread(() -> load.send(address, random), "load-client-" + c);
        client.setDaemon(true);
        client.start();
        load.clients.add(client);
      }
      return load;
    }

    private void send(InetSocketAddress address, SplittableRandom random) {
      try (ApiLoadHarness.HttpConnection connection = new ApiLoadHarness.HttpConnection(address)) {
        while (!stopping) {
          byte[] request =
              ApiLoadHarness.HttpConnection.post(
                  address, "/api/orders", ApiLoadHarness.singleBody(random));
          if (connection.exchange(request) == 200) {
            acknowledged.increment();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void countFromNow() {
      acknowledged.reset();
    }

    /** Stops the clients; returns the answers 200 since {@link #countFromNow}. */
    long stop() throws InterruptedException {
      long counted = acknowledged.sum();
      stopping = true;
      for (Thread client : clients) {
        client.join(TimeUnit.SECONDS.toMillis(45));
      }
      return counted;
    }
  }

  private static Wall start(Path data, String kafka, String topic, CoarseClock clock)
      throws Exception {
    return Wall.start(
        WallOptions.parse(
            List.of(
                    "--headless",
                    "--port=0",
                    "--data=" + data,
                    "--token=" + ApiLoadHarness.TOKEN,
                    "--kafka=" + kafka,
                    "--topic=" + topic)
                .toArray(String[]::new)),
        clock);
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
  }
}
