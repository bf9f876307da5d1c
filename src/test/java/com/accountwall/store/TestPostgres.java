package com.accountwall.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the machine's Debian packages ({@code /usr/lib/postgresql/N/bin}),
 * in a throw-away cluster of its own: initdb'd in a temporary folder, listening on a free loopback
 * port only, with trust authentication for {@code postgres}. Each test takes a fresh database with
 * {@link #newDatabase()}. As root (CI) the server runs as the {@code postgres} user, since
 * PostgreSQL refuses to run as root; otherwise as the user running the tests.
 *
 * <p>Where PostgreSQL is not installed, {@link #shared()} and {@link #start()} skip the calling
 * test through a JUnit assumption, saying so, so that the build stays green on a bare machine.
 *
 * <p>{@link #shared()} is one server per JVM, started on first use and stopped when the JVM exits;
 * a test that stops the server itself starts one of its own with {@link #start()} and closes it.
 *
 * <p><b>Thread safety:</b> {@link #shared()} and {@link #newDatabase()} may be called from any
 * thread; {@link #stopImmediately()}, {@link #restart()} and {@link #close()} belong to the test
 * that owns the server.
 */
final class TestPostgres implements AutoCloseable {
  private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
  private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));
  private static TestPostgres shared; // guarded by TestPostgres.class

  private final Path bin;
  private final Path folder;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path bin, Path folder, int port) {
    this.bin = bin;
    this.folder = folder;
    this.port = port;
  }

  /**
   * The server every test of this JVM shares, started on first use; skips the test without
   * PostgreSQL.
   */
  static synchronized TestPostgres shared() throws IOException, InterruptedException {
    if (shared == null) {
      TestPostgres started = start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
      shared = started;
    }
    return shared;
  }

  /** A server of the caller's own, to close when done; skips the test without PostgreSQL. */
  static TestPostgres start() throws IOException, InterruptedException {
    Path bin = installedBin();
    assumeTrue(
        bin != null,
        "skipped: PostgreSQL is not installed (no "
            + INSTALLED
            + "/*/bin/initdb); apt-get install postgresql, as .ci/run does");
    Path folder = Files.createTempDirectory("account-wall-pg");
    if (AS_ROOT) {
      UserPrincipal postgres =
          folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(folder, postgres);
    }
    TestPostgres server = new TestPostgres(bin, folder, freePort());
    try {
      server.run(
          "initdb",
          "-D",
          server.data(),
          "-A",
          "trust",
          "-U",
          "postgres",
          "--no-sync",
          "-E",
          "UTF8",
          "--locale=C");
      server.startServer();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The newest installed version's programs, or null if none is installed. */
  private static Path installedBin() throws IOException {
    if (!Files.isDirectory(INSTALLED)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(INSTALLED)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparingInt(bin -> versionOf(bin.getParent())))
          .orElse(null);
    }
  }

  private static int versionOf(Path versionFolder) {
    try {
      return Integer.parseInt(versionFolder.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A free loopback port; it is free when asked, and PostgreSQL takes it a moment later. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** A new, empty database's JDBC URL. */
  String newDatabase() throws SQLException {
    String name = "wall_" + databases.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(url("postgres"));
        Statement sql = admin.createStatement()) {
      sql.executeUpdate("CREATE DATABASE " + name);
    }
    return url(name);
  }

  /** The JDBC URL of {@code database} on this server. */
  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /**
   * Stops the server at once, as a crash would: its connections are cut, nothing is shut down
   * cleanly.
   */
  void stopImmediately() throws IOException, InterruptedException {
    run("pg_ctl", "stop", "-D", data(), "-m", "immediate", "-w");
  }

  /**
   * Starts the stopped server again; returns once it accepts connections (after crash recovery).
   */
  void restart() throws IOException, InterruptedException {
    startServer();
  }

  private void startServer() throws IOException, InterruptedException {
    run(
        "pg_ctl",
        "start",
        "-D",
        data(),
        "-l",
        folder.resolve("server.log").toString(),
        "-w",
        "-o",
        "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1");
  }

  /** Stops the server if it runs and deletes its folder. */
  @Override
  public void close() {
    try {
      if (Files.exists(folder.resolve("data/postmaster.pid"))) {
        run("pg_ctl", "stop", "-D", data(), "-m", "immediate", "-w");
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("test PostgreSQL in " + folder + " did not stop: " + e.getMessage());
    } finally {
      deleteTree(folder);
    }
  }

  private String data() {
    return folder.resolve("data").toString();
  }

  /**
   * Runs one of PostgreSQL's programs, as {@code postgres} when root; fails with its output if it
   * fails.
   */
  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (AS_ROOT) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    // To a file, not a pipe: nothing then depends on the program's output being read while it runs.
    Path said = folder.resolve(program + ".out");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(said.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within 60 s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + Files.readString(said)
              + lastLines(folder.resolve("server.log")));
    }
  }

  /** The end of the server's log, which says why it would not start. */
  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\nserver.log:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
