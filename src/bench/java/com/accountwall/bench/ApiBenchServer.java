package com.accountwall.bench;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.CoarseClock;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The servers that {@code scripts/api-bench} loads with {@code wrk}, in one JVM: a headless {@link
 * Wall} (embedded SQLite in a temporary data folder under {@code --dir}, fsynced commits as in
 * production, token {@value ApiLoadHarness#TOKEN}) and, for comparison, the JDK's own HTTP server
 * as the order API ran on it until issue 13 (64 handler threads, Nagle off), answering only {@code
 * GET /api/health} with the same {@code {"status":"ok"}}; and the order API's second candidate
 * server, Jetty 12 ({@link JettyCandidate}), on the same wall. It prints one line, {@code wall=PORT
 * jdk=PORT data=DIR fs=TYPE jetty=PORT}, and serves until it is ended (SIGTERM; the servers are
 * then stopped, the wall closed and its folder deleted) or {@code --max-seconds} (600) have passed,
 * whichever comes first. Listens on 127.0.0.1 only.
 */
public final class ApiBenchServer {
  private ApiBenchServer() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ApiLoadHarness.options(args, "--dir", "--max-seconds");
    Path parent = Path.of(options.getOrDefault("--dir", System.getProperty("java.io.tmpdir")));
    int maxSeconds = ApiLoadHarness.intOption(options, "--max-seconds", 600, 1);
    Path data = Files.createTempDirectory(parent, "account-wall-bench-");
    CoarseClock clock = new CoarseClock();
    Wall wall =
        Wall.start(
            WallOptions.parse(
                "--headless", "--port=0", "--data=" + data, "--token=" + ApiLoadHarness.TOKEN),
            clock);
    HttpServer jdk = jdkHealthServer();
    JettyCandidate jetty = JettyCandidate.start(wall, ApiLoadHarness.TOKEN);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  jdk.stop(0);
                  try {
                    jetty.close(); // before the wall, whose journal it places orders in
                  } catch (Exception e) {
                    e.printStackTrace(); // the wall is closed and its folder deleted all the same
                  }
                  wall.close();
                  clock.close();
                  ApiLoadHarness.deleteTree(data);
                }));
    System.out.printf(
        // New fields go last: scripts/api-bench reads the existing ones in this order.
        "wall=%d jdk=%d data=%s fs=%s jetty=%d%n",
        wall.endpoint().address().getPort(),
        jdk.getAddress().getPort(),
        data,
        Files.getFileStore(data).type(),
        jetty.port());
    System.out.flush();
    TimeUnit.SECONDS.sleep(maxSeconds);
    System.exit(0);
  }

  /** {@code GET /api/health} on the JDK's server, set up as OrderApi set it up before issue 13. */
  private static HttpServer jdkHealthServer() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
    ExecutorService handlers =
        Executors.newFixedThreadPool(
            64,
            runnable -> {
              Thread thread = new Thread(runnable, "jdk-api");
              thread.setDaemon(true);
              return thread;
            });
    byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/api/health",
        exchange -> {
          try (exchange) {
            exchange
                .getResponseHeaders()
                .put("Content-Type", List.of("application/json; charset=utf-8"));
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(ok);
            }
          }
        });
    server.setExecutor(handlers);
    server.start();
    return server;
  }
}
