package com.accountwall.bench;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.CoarseClock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Load on the order API of a real wall, over loopback HTTP/1.1 with keep-alive. It starts a
 * headless {@link Wall} in this JVM (embedded SQLite in a temporary data folder, fsynced commits as
 * in production) and runs three phases, each with {@code --clients} connections, one per thread,
 * each sending its next request as soon as the last is answered, for {@code --warmup} seconds that
 * are not counted and then {@code --seconds} that are:
 *
 * <ol type="a">
 *   <li><b>single orders</b>: {@code POST /api/orders {"accountId": <1..10000>, "quantity": 1}};
 *       acknowledged orders/s = answers 200 per second;
 *   <li><b>batches</b>: the same with a JSON array of {@code --batch} such orders; acknowledged
 *       orders/s = {@code --batch} per answer 200, per second;
 *   <li><b>baseline</b>: {@code GET /api/health} on the same server, which does no work beyond
 *       HTTP, requests/s.
 * </ol>
 *
 * <p>It prints one line per phase, then the ratios of (a) requests/s and (b) requests/s to (c)
 * requests/s: what fraction of the bare HTTP server's request rate an order request keeps. A
 * request counts in the phase if its answer arrives inside the measured window; anything but 200 is
 * reported as refused (an HTTP status) or failed (no answer), never counted as acknowledged.
 *
 * <p>The clients share the machine with the wall, so on few cores the figures include the clients'
 * own CPU; that is the same in all three phases, which is why the ratios are the result to read.
 *
 * <p>Arguments (all optional): {@code --clients N} (32), {@code --batch B} (1000), {@code --seconds
 * S} per phase (10), {@code --warmup W} seconds per phase (3), {@code --dir DIR} where the
 * temporary data folder is made (the JDK's temporary folder; its file system decides what an fsync
 * costs, so it is printed); {@code --kafka HOST:PORT,...} (and {@code --topic T}) to start the wall
 * in cluster mode on that Kafka cluster instead, with orders acknowledged by Kafka. Run:
 *
 * <pre>
 * mvn -q -B -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.ApiLoadHarness -Dbench.args="--clients 32 --batch 1000 --seconds 10 --warmup 3"
 * </pre>
 *
 * <p>Bounded: every client stops at the end of its phase or after {@value #MAX_REQUESTS_PER_CLIENT}
 * requests or {@value #MAX_FAILURES_PER_CLIENT} failures, whichever comes first; every socket read
 * times out after {@value #READ_TIMEOUT_MILLIS} ms; only 127.0.0.1 (and a Kafka cluster named with
 * {@code --kafka}) is contacted. The wall is closed and the data folder deleted at the end.
 */
public final class ApiLoadHarness {
  static final String TOKEN = "bench-token";
  private static final int ACCOUNT_IDS = 10_000;
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final long MAX_REQUESTS_PER_CLIENT = 100_000_000L;
  private static final int MAX_FAILURES_PER_CLIENT = 100;

  /**
   * Longer than the wall's 30 s commit timeout, so a slow commit shows as 503, not as a failure.
   */
  static final int READ_TIMEOUT_MILLIS = 40_000;

  private ApiLoadHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        options(
            args, "--clients", "--batch", "--seconds", "--warmup", "--dir", "--kafka", "--topic");
    int clients = intOption(options, "--clients", 32, 1);
    int batch = intOption(options, "--batch", 1000, 1);
    int seconds = intOption(options, "--seconds", 10, 1);
    int warmup = intOption(options, "--warmup", 3, 0);
    Path parent = Path.of(options.getOrDefault("--dir", System.getProperty("java.io.tmpdir")));
    if (batchBody(new SplittableRandom(1), batch, ACCOUNT_IDS).length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "--batch " + batch + " makes a body over 1 MiB, which the API refuses");
    }
    System.out.printf(
        "JDK %s, %d cores; %d clients, batches of %d, %d s warm-up + %d s measured per phase%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        clients,
        batch,
        warmup,
        seconds);

    Path data = Files.createTempDirectory(parent, "account-wall-load-");
    List<String> wallArgs =
        new ArrayList<>(List.of("--headless", "--port=0", "--data=" + data, "--token=" + TOKEN));
    if (options.containsKey("--kafka")) {
      wallArgs.add("--kafka=" + options.get("--kafka"));
      wallArgs.add("--topic=" + options.getOrDefault("--topic", "account-wall.orders"));
      System.out.println("cluster mode: orders go to Kafka at " + options.get("--kafka"));
    }
    try (CoarseClock clock = new CoarseClock();
        Wall wall = Wall.start(WallOptions.parse(wallArgs.toArray(String[]::new)), clock)) {
      System.out.printf("data folder %s (%s)%n", data, Files.getFileStore(data).type());
      InetSocketAddress address =
          new InetSocketAddress(
              InetAddress.getByName("127.0.0.1"), wall.endpoint().address().getPort());

      Phase single =
          new Phase(
              "(a) single orders",
              1,
              random -> HttpConnection.post(address, "/api/orders", singleBody(random)));
      Phase batches =
          new Phase(
              "(b) batches of " + batch,
              batch,
              random ->
                  HttpConnection.post(
                      address, "/api/orders", batchBody(random, batch, ACCOUNT_IDS)));
      Phase health =
          new Phase(
              "(c) baseline GET /api/health",
              0,
              random -> HttpConnection.get(address, "/api/health"));

      Tally a = single.run(address, clients, warmup, seconds);
      Tally b = batches.run(address, clients, warmup, seconds);
      Tally c = health.run(address, clients, warmup, seconds);

      System.out.printf(
          Locale.ROOT,
          "ratio (a)/(c), requests/s: %.3f%n",
          a.requestsPerSecond(seconds) / c.requestsPerSecond(seconds));
      System.out.printf(
          Locale.ROOT,
          "ratio (b)/(c), requests/s: %.3f%n",
          b.requestsPerSecond(seconds) / c.requestsPerSecond(seconds));
      System.out.printf(
          "the wall holds %,d live accounts with %,d widgets (warm-up orders included)%n",
          wall.supervisor().count(), wall.supervisor().totalWidgetsOrdered());
    } finally {
      deleteTree(data);
    }
  }

  /** One order of one widget for one of {@value #ACCOUNT_IDS} accounts, as a request body. */
  static byte[] singleBody(SplittableRandom random) {
    return ("{\"accountId\": " + (1 + random.nextInt(ACCOUNT_IDS)) + ", \"quantity\": 1}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] batchBody(SplittableRandom random, int size, int ids) {
    StringBuilder body = new StringBuilder(size * 36).append('[');
    for (int i = 0; i < size; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"accountId\": ")
          .append(1 + random.nextInt(ids))
          .append(", \"quantity\": 1}");
    }
    return body.append(']').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Makes a client's next request, as the bytes to write. */
  @FunctionalInterface
  private interface Requests {
    byte[] next(SplittableRandom random);
  }

  /** Answers in the measured window of one phase, summed over its clients. */
  private static final class Tally {
    long acknowledged; // answers 200
    long refused; // answers other than 200
    long failed; // no answer: connection or timeout

    void add(Tally other) {
      acknowledged += other.acknowledged;
      refused += other.refused;
      failed += other.failed;
    }

    double requestsPerSecond(int seconds) {
      return (double) acknowledged / seconds;
    }
  }

  /**
   * One phase: every client sends {@code requests} back to back; a 200 is worth {@code
   * ordersPer200} orders.
   */
  private record Phase(String name, int ordersPer200, Requests requests) {
    Tally run(InetSocketAddress address, int clients, int warmupSeconds, int seconds)
        throws InterruptedException {
      long measureStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
      long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(seconds);
      Tally[] tallies = new Tally[clients];
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Tally tally = tallies[c] = new Tally();
        SplittableRandom random = new SplittableRandom(31L * c + name.hashCode());
        Thread thread =
            new Thread(
                () -> client(address, random, measureStart, measureEnd, tally), "load-client-" + c);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
      }
      long joinDeadline = measureEnd + TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MILLIS + 10_000L);
      Tally total = new Tally();
      for (int c = 0; c < clients; c++) {
        threads
            .get(c)
            .join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
        if (threads.get(c).isAlive()) {
          throw new IllegalStateException(threads.get(c).getName() + " did not stop; giving up");
        }
        total.add(tallies[c]);
      }
      double perSecond = total.requestsPerSecond(seconds);
      String orders =
          ordersPer200 == 0
              ? ""
              : String.format(" = %,12.0f acknowledged orders/s", perSecond * ordersPer200);
      System.out.printf(
          "%-32s %,10.0f requests/s%s  (%,d answered 200, %,d refused, %,d failed)%n",
          name, perSecond, orders, total.acknowledged, total.refused, total.failed);
      return total;
    }

    /** One client's loop: bounded by the end of the phase, a request count and a failure count. */
    private void client(
        InetSocketAddress address,
        SplittableRandom random,
        long measureStart,
        long measureEnd,
        Tally tally) {
      int failures = 0;
      try (HttpConnection connection = new HttpConnection(address)) {
        for (long i = 0; i < MAX_REQUESTS_PER_CLIENT && failures < MAX_FAILURES_PER_CLIENT; i++) {
          int status;
          try {
            status = connection.exchange(requests.next(random));
          } catch (IOException e) {
            status = -1;
            failures++;
            connection.disconnect();
          }
          long now = System.nanoTime();
          if (now >= measureEnd) {
            return;
          }
          if (now >= measureStart) {
            if (status == 200) {
              tally.acknowledged++;
            } else if (status > 0) {
              tally.refused++;
            } else {
              tally.failed++;
            }
          }
        }
      }
    }
  }

  /**
   * One keep-alive HTTP/1.1 connection, written by hand on a plain socket. Why not {@code
   * java.net.http.HttpClient}: each of its synchronous sends hands the request to its selector
   * thread and the answer back through futures, several thread hops and allocations per request.
   * Here the clients run on the same cores as the wall, and the baseline phase is nearly all HTTP,
   * so a heavy client would eat into the server it measures and flatten the ratios. This client
   * costs one write and a buffered read per request. It speaks only what the wall's server answers
   * with: a status line, headers and a {@code Content-Length} body (or none, for 204 and 304). Not
   * thread-safe: one per client thread.
   */
  static final class HttpConnection implements AutoCloseable {
    private static final int MAX_LINE = 8192;
    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(InetSocketAddress address) {
      this.address = address;
    }

    static byte[] get(InetSocketAddress address, String path) {
      return request("GET", address, path, null, new byte[0]);
    }

    static byte[] post(InetSocketAddress address, String path, byte[] json) {
      return request("POST", address, path, "application/json", json);
    }

    private static byte[] request(
        String method, InetSocketAddress address, String path, String contentType, byte[] body) {
      StringBuilder head =
          new StringBuilder(160)
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.1\r\n")
              .append("Host: 127.0.0.1:")
              .append(address.getPort())
              .append("\r\n")
              .append("Authorization: Bearer ")
              .append(TOKEN)
              .append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ")
            .append(contentType)
            .append("\r\n")
            .append("Content-Length: ")
            .append(body.length)
            .append("\r\n");
      }
      byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
      byte[] request = new byte[headBytes.length + body.length];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      return request;
    }

    /** Sends a whole request (one write) and reads its answer; returns the status. */
    int exchange(byte[] request) throws IOException {
      if (socket == null) {
        connect();
      }
      out.write(request);
      out.flush();
      String statusLine = readLine();
      if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.1 answer: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean close = false;
      for (String header = readLine(); !header.isEmpty(); header = readLine()) {
        int colon = header.indexOf(':');
        String name = colon < 0 ? header : header.substring(0, colon).strip();
        String value = colon < 0 ? "" : header.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
          close = true;
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          throw new IOException("this client does not read Transfer-Encoding: " + value);
        }
      }
      if (length < 0 && status != 204 && status != 304) {
        throw new IOException("answer " + status + " without Content-Length");
      }
      if (length > 0) {
        in.skipNBytes(length);
      }
      if (close) {
        disconnect();
      }
      return status;
    }

    private void connect() throws IOException {
      Socket connecting = new Socket();
      try {
        connecting.setTcpNoDelay(true);
        connecting.setSoTimeout(READ_TIMEOUT_MILLIS);
        connecting.connect(address, 5_000);
        in = new BufferedInputStream(connecting.getInputStream(), 16 * 1024);
        out = connecting.getOutputStream();
        socket = connecting;
      } catch (IOException e) {
        connecting.close();
        throw e;
      }
    }

    private String readLine() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int i = 0; i < MAX_LINE; i++) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the server closed the connection");
        }
        if (b == '\n') {
          int end = line.length();
          return end > 0 && line.charAt(end - 1) == '\r'
              ? line.substring(0, end - 1)
              : line.toString();
        }
        line.append((char) b);
      }
      throw new IOException("a header line over " + MAX_LINE + " bytes");
    }

    /** Drops the connection; the next exchange opens a new one. */
    void disconnect() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
        socket = null;
      }
    }

    @Override
    public void close() {
      disconnect();
    }
  }

  /**
   * Reads {@code --name value} or {@code --name=value} for the given names; refuses anything else.
   */
  static Map<String, String> options(String[] args, String... names) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      String name = equals < 0 ? args[i] : args[i].substring(0, equals);
      if (!List.of(names).contains(name)) {
        throw new IllegalArgumentException(
            "unknown argument '" + args[i] + "'; known: " + String.join(", ", names));
      }
      if (equals < 0 && i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      values.put(name, equals < 0 ? args[++i] : args[i].substring(equals + 1));
    }
    return values;
  }

  static int intOption(Map<String, String> options, String name, int defaultValue, int min) {
    int value =
        options.containsKey(name) ? Integer.parseInt(options.get(name).strip()) : defaultValue;
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
