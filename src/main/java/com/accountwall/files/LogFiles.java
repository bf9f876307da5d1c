package com.accountwall.files;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The wall's log files: every log record, the wall's own and its libraries' (Kafka's client logs
 * through SLF4J, bound to java.util.logging), goes to the console as before and also to {@value
 * #FOLDER}/{@code account-wall.0.log} in the data folder. JUL's own {@link FileHandler} rotates it
 * by size: past {@value #LIMIT_BYTES} bytes the files shift up one number ({@code .0.log} becomes
 * {@code .1.log}) and the oldest past {@value #COUNT} files is deleted, so the logs never take more
 * than about 50 MB. The folder is created 0700 on POSIX, like the data folder (see {@link
 * OwnerOnly}).
 *
 * <p>An operator who configures java.util.logging with {@code -Djava.util.logging.config.file} or
 * {@code .config.class} gets exactly that configuration: {@link #open} then adds nothing.
 *
 * <p>{@link #prepare} must run first thing in {@code main}; {@link #open} once the data folder is
 * claimed, since nothing may be written into a folder another wall owns. Thread-safe.
 */
public final class LogFiles {
  /** The folder of the log files, inside the data folder. */
  static final String FOLDER = "logs";

  static final String PATTERN = "account-wall.%g.log";
  static final int LIMIT_BYTES = 10 * 1024 * 1024;
  static final int COUNT = 5;

  /** One line per record: date, time, level, logger, message, and the stack trace if any. */
  private static final String FORMAT = "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n";

  @GuardedBy("LogFiles.class")
  private static Handler file;

  private LogFiles() {}

  /**
   * Sets what must be set before java.util.logging starts: one line per record, unless the operator
   * chose a format, and {@link LastingLogManager}, so that the stop line written during the JVM's
   * shutdown still reaches the file. Call it before anything logs.
   */
  public static void prepare() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
    }
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", LastingLogManager.class.getName());
    }
  }

  /**
   * Adds the rotating log file in {@code dataFolder}, unless the operator configured logging. A
   * folder or file it cannot create is logged, and the wall logs to the console only: a log file is
   * no reason to keep a wall from starting.
   *
   * @return the log file records now go to, or null if they go to the console only
   */
  public static Path open(Path dataFolder) {
    if (configuredByOperator()) {
      return null;
    }
    try {
      return open(dataFolder, LIMIT_BYTES, COUNT);
    } catch (IOException | RuntimeException e) {
      // Not a static logger: making one starts java.util.logging, which prepare() must precede.
      System.getLogger(LogFiles.class.getName())
          .log(
              Level.WARNING,
              "cannot write the log file in "
                  + dataFolder.toAbsolutePath().resolve(FOLDER)
                  + "; logging to the console only",
              e);
      return null;
    }
  }

  /** {@link #open(Path)} with another size limit and count, so a test can watch it rotate. */
  static synchronized Path open(Path dataFolder, int limitBytes, int count) throws IOException {
    close();
    Path folder = dataFolder.toAbsolutePath().resolve(FOLDER);
    OwnerOnly.createFolder(folder);
    // FileHandler reads '%' in its pattern as a placeholder, and a folder's name may hold one.
    String pattern = folder.toString().replace("%", "%%") + File.separator + PATTERN;
    FileHandler handler = new FileHandler(pattern, limitBytes, count, true);
    handler.setEncoding(StandardCharsets.UTF_8.name()); // the start line has '·' and '…'
    handler.setFormatter(new SimpleFormatter());
    Logger.getLogger("").addHandler(handler);
    file = handler;
    return folder.resolve(PATTERN.replace("%g", "0"));
  }

  /**
   * Logs {@code message} at SEVERE as {@code source}'s, into the log but not onto the console: for
   * a failure the launcher tells standard error itself, in its own one line, which the console (and
   * journald, which keeps it) should not get twice. With the wall's log file open the record goes
   * to that file alone; with logging the operator configured, to their handlers as any record
   * would; before {@link #open} and after {@link #close}, nowhere, as standard error has it
   * already.
   *
   * @param source the class the record names, as its logger would
   * @param thrown logged with its stack trace; null for the message alone
   */
  public static synchronized void severeOffConsole(
      String source, String message, Throwable thrown) {
    LogRecord record = new LogRecord(java.util.logging.Level.SEVERE, message);
    record.setLoggerName(source);
    // Named, so that the line names the class as every other line does, rather than what
    // java.util.logging would guess from the stack.
    record.setSourceClassName(source);
    record.setThrown(thrown);
    if (file != null) {
      file.publish(record);
    } else if (configuredByOperator()) {
      Logger.getLogger(source).log(record);
    }
  }

  /**
   * Flushes and closes the log file, after which records go to the console only. Idempotent. The
   * last thing a stopping wall does, after its stop line.
   */
  public static synchronized void close() {
    if (file != null) {
      Logger.getLogger("").removeHandler(file);
      file.close();
      file = null;
    }
  }

  private static boolean configuredByOperator() {
    return System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null;
  }
}
