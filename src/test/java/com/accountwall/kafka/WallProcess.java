package com.accountwall.kafka;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless wall in a JVM of its own ({@code com.accountwall.Launcher --headless}, on the test
 * class path), so a test can kill it as a power cut would: {@code kill -9}, no shutdown hook, a
 * transaction left as it was.
 */
final class WallProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s,()]+)");

  private final Process process;
  private final URI address;

  private WallProcess(Process process, URI address) {
    this.process = process;
    this.address = address;
  }

  /** Starts a wall with {@code args} besides {@code --headless}, its output in {@code log}; returns once it listens. */
  static WallProcess start(Path log, Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "com.accountwall.Launcher", "--headless"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (;;) {
      Matcher listening = LISTENING.matcher(Files.readString(log));
      if (listening.find()) {
        return new WallProcess(process, URI.create(listening.group(1)));
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IOException("the wall did not start within " + timeout + "; its output:\n" + Files.readString(log));
      }
      Thread.sleep(50); // polling its output for the line it prints once it listens
    }
  }

  URI address() {
    return address;
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
