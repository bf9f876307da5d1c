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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless wall in a JVM of its own, on the test's class path: what a kill -9 can really kill; or
 * one with its window on Monocle's headless screen ({@link #startWithWindow}). Its output is echoed
 * with a prefix, so a failing test shows what the wall logged, and kept ({@link #output}).
 */
public final class WallProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final URI uri;
  private final Queue<String> output;
  private final Thread drain;

  private WallProcess(Process process, URI uri, Queue<String> output, Thread drain) {
    this.process = process;
    this.uri = uri;
    this.output = output;
    this.drain = drain;
  }

  /**
   * Starts {@code --headless --port=0 --data=DATA --token=TOKEN} plus {@code options}, and waits
   * until it listens; with a null token, the wall makes or finds its own in the data folder.
   * Options that begin with {@code -D} are system properties, given to the JVM.
   */
  public static WallProcess start(Path data, String token, String... options) throws IOException {
    return awaitListening(launch(true, data, token, options));
  }

  /**
   * Starts {@code --port=0 --data=DATA} plus {@code options} with the wall's window, on Monocle's
   * headless screen with software rendering as the window tests have it, and waits until it
   * listens; the window comes a moment later (its {@code first frame} line in {@link #output}).
   */
  public static WallProcess startWithWindow(Path data, String... options) throws IOException {
    List<String> window =
        new ArrayList<>(
            List.of(
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1080-32"));
    window.addAll(Arrays.asList(options));
    return awaitListening(launch(false, data, null, window.toArray(String[]::new)));
  }

  /**
   * Starts a wall as {@link #start} does and does not wait for it: for a start that is expected to
   * fail. A {@code --port=} among {@code options} takes the place of {@code --port=0}.
   */
  public static Process launch(Path data, String token, String... options) throws IOException {
    return launch(true, data, token, options);
  }

  private static Process launch(boolean headless, Path data, String token, String... options)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and single-threaded: a test may run several walls at once on two cores.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path")));
    List<String> wallOptions = new ArrayList<>(List.of("--data=" + data));
    if (headless) {
      wallOptions.add("--headless");
    }
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

  /** What it has printed so far, line by line. */
  public List<String> output() {
    return List.copyOf(output);
  }

  public URI uri() {
    return uri;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Asks it to stop as systemd would, with SIGTERM ({@link ProcessHandle#destroy} on Linux and
   * macOS), and waits until it is gone and all it printed is in {@link #output}. Not {@link
   * Process#destroy}: that also closes the pipe from the wall, so what it printed on its way out
   * would be lost.
   *
   * @return its exit code
   */
  public int terminate() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the wall did not stop within 30 s of SIGTERM");
    }
    drain.join(TimeUnit.SECONDS.toMillis(10)); // the rest of its output, up to the pipe's end
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

  private static WallProcess awaitListening(Process wall) throws IOException {
    try {
      Queue<String> kept = new ConcurrentLinkedQueue<>();
      BufferedReader output =
          new BufferedReader(new InputStreamReader(wall.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = output.readLine()) != null; ) {
        System.out.println("wall: " + line);
        kept.add(line);
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          Thread drain =
              new Thread(
                  () ->
                      output
                          .lines()
                          .forEach(
                              rest -> {
                                System.out.println("wall: " + rest);
                                kept.add(rest);
                              }),
                  "wall-output");
          drain.setDaemon(true);
          drain.start();
          return new WallProcess(wall, URI.create(listening.group(1)), kept, drain);
        }
      }
      throw new IllegalStateException("the wall exited before it listened");
    } catch (IOException | RuntimeException e) {
      wall.destroyForcibly();
      throw e;
    }
  }
}
