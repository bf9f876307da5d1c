package com.accountwall;

import com.accountwall.files.DataFolder;
import com.accountwall.files.LogFiles;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import sun.misc.Signal;

/**
 * A running wall's start and stop, as its log tells them. {@link #begin} logs the start (version,
 * options in force, data folder, lifetime) and sees to it that the wall stops in order however the
 * process ends: {@link #end} when the window closes, or a shutdown hook when the JVM is stopped
 * (SIGTERM from systemd, SIGINT from Ctrl+C, SIGHUP, {@code System.exit}). Either way the wall
 * closes first (the API stops taking orders, the journal commits), then the data folder is
 * released, then "stopped" is logged with the reason and the log file closed.
 *
 * <p>Thread-safe: {@link #end} stops the wall once, whichever thread comes first.
 */
final class Lifecycle {
  private static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());

  /** The signals on which the JVM shuts down by default: each is named in the stop line. */
  private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

  private static final String HIDDEN = "(hidden)";

  private final Wall wall;
  private final DataFolder folder;

  /** The signal that stops the JVM, once one has: "SIGTERM". */
  private volatile String signal;

  /** 128 plus that signal's number, once one has come: the exit code it asks for. */
  private volatile int signalStatus;

  /** What a shutdown signal does before the JVM exits; see {@link #beforeSignalExit}. */
  private volatile Runnable beforeSignalExit = () -> {};

  @GuardedBy("this")
  private boolean ended;

  private Lifecycle(Wall wall, DataFolder folder) {
    this.wall = wall;
    this.folder = folder;
  }

  /**
   * Logs the start of {@code wall}, started with {@code config}, and registers the shutdown hook
   * that stops it.
   */
  static Lifecycle begin(Wall wall, DataFolder folder, WallConfig config) {
    Lifecycle lifecycle = new Lifecycle(wall, folder);
    lifecycle.nameSignals();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> lifecycle.end("the JVM is exiting"), "account-wall-shutdown"));
    // Only now: a start in the log promises a stop line after it.
    LOG.log(
        Level.INFO,
        "Account Wall {0} started (pid {1}, Java {2}): {3}; in force: {4}",
        version(),
        String.valueOf(ProcessHandle.current().pid()),
        Runtime.version(),
        wall.startLine(config),
        inForce(config));
    return lifecycle;
  }

  /**
   * Has a shutdown signal run {@code closing} before the JVM exits, and wait for it: the window
   * closes as if closed by hand. JavaFX's own shutdown hook stops its renderer, and a frame drawn
   * beside it failed with a {@code RejectedExecutionException} on standard error; with the window
   * closed first, none is drawn. Replaces the one given before; {@code () -> {}} once the window is
   * gone.
   */
  void beforeSignalExit(Runnable closing) {
    beforeSignalExit = closing;
  }

  /** 128 plus the number of the signal that stopped the wall, or 0 if none did. */
  int exitStatus() {
    return signalStatus;
  }

  /**
   * Stops the wall, releases the data folder and logs "stopped" with {@code reason}, or with the
   * signal's name if a signal came first (the window it closed gives a reason too); once only.
   */
  synchronized void end(String reason) {
    if (ended) {
      return;
    }
    ended = true;
    if (signal != null) {
      reason = signal;
    }
    wall.close();
    folder.close(); // only once the wall has committed and closed the database
    Duration ran =
        Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())
            .truncatedTo(ChronoUnit.SECONDS);
    LOG.log(Level.INFO, "stopped: {0}, after {1}", reason, ran);
    LogFiles.close();
  }

  /**
   * Takes over the JVM's own handling of the shutdown signals only to note which one came, then,
   * after what {@link #beforeSignalExit} gave, exits as the JVM would have (128 plus the signal's
   * number): a shutdown hook alone cannot tell a SIGTERM from an exit. A signal the JVM reserves
   * (as under {@code -Xrs}) keeps its handling.
   */
  private void nameSignals() {
    for (String name : SIGNALS) {
      try {
        Signal.handle(
            new Signal(name),
            received -> {
              signalStatus = 128 + received.getNumber();
              signal = "SIG" + received.getName();
              beforeSignalExit.run();
              System.exit(signalStatus);
            });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.log(Level.DEBUG, "SIG{0} keeps the JVM''s handling: {1}", name, e.getMessage());
      }
    }
  }

  /** The version in the jar's manifest, or a word saying it runs from the build's classes. */
  private static String version() {
    return Objects.requireNonNullElse(
        Lifecycle.class.getPackage().getImplementationVersion(), "(unpackaged)");
  }

  /**
   * Every value of {@code config}, as {@code name=value}; the tokens and any database password
   * hidden. Read from the record's components, so a value added to it is logged too.
   */
  static String inForce(WallConfig config) {
    return Arrays.stream(WallConfig.class.getRecordComponents())
        .map(component -> component.getName() + "=" + shown(component, config))
        .collect(Collectors.joining(" "));
  }

  private static String shown(RecordComponent component, WallConfig config) {
    Object value;
    try {
      value = component.getAccessor().invoke(config);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of a WallConfig", e);
    }
    return switch (component.getName()) {
      case "token", "metricsToken" -> value == null ? "null" : HIDDEN;
      case "locale" -> ((Locale) value).toLanguageTag(); // as --locale takes it: de-DE
      case "databaseUrl" ->
          String.valueOf(value).replaceAll("(?i)(password=)[^&;]*", "$1" + HIDDEN);
      default -> String.valueOf(value);
    };
  }
}
