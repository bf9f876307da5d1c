package com.accountwall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless wall in a JVM of its own, on the test's class path: what a kill -9 can really kill.
 * Its output is echoed with a prefix, so a failing test shows what the wall logged.
 */
public final class WallProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final URI uri;

  private WallProcess(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /**
   * Starts {@code --headless --port=0 --data=DATA --token=TOKEN} plus {@code options}, and waits
   * until it listens; with a null token, the wall makes or finds its own in the data folder.
   * Options that begin with {@code -D} are system properties, given to the JVM.
   */
  public static WallProcess start(Path data, String token, String... options) throws IOException {
    Process process = launch(data, token, options);
    try {
      return new WallProcess(process, awaitListening(process));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /**
   * Starts a wall as {@link #start} does and does not wait for it: for a start that is expected to
   * fail. A {@code --port=} among {@code options} takes the place of {@code --port=0}.
   */
  public static Process launch(Path data, String token, String... options) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and single-threaded: a test may run several walls at once on two cores.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path")));
    List<String> wallOptions = new ArrayList<>(List.of("--headless", "--data=" + data));
    if (Arrays.stream(options).noneMatch(option -> option.startsWith("--port="))) {
      wallOptions.add("--port=0");
    }
    if (token != null) {
      wallOptions.add("--token=" + token);
    }
    for (String option : options) {
      (option.startsWith("-D") ? command : wallOptions).add(option);
    }
    command.add(Launcher.class.getName());
    command.addAll(wallOptions);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  public URI uri() {
    return uri;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Asks it to stop as systemd would, with SIGTERM ({@link Process#destroy} on Linux and macOS),
   * and waits until it is gone.
   *
   * @return its exit code
   */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the wall did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  /** Kills it as a power cut would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private static URI awaitListening(Process wall) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(wall.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = output.readLine()) != null; ) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        System.out.println("wall: " + line);
        Thread drain =
            new Thread(
                () -> output.lines().forEach(rest -> System.out.println("wall: " + rest)),
                "wall-output");
        drain.setDaemon(true);
        drain.start();
        return URI.create(listening.group(1));
      }
      System.out.println("wall: " + line);
    }
    throw new IllegalStateException("the wall exited before it listened");
  }
}
