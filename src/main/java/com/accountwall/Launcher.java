package com.accountwall;

import com.accountwall.core.CoarseClock;
import com.accountwall.files.DataFolder;
import com.accountwall.files.LogFiles;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.store.AccountsFile;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The entry point for {@code java -jar} and {@code mvn javafx:run}: reads the options, starts the
 * {@link Wall} and then either opens the window or, with {@code --headless}, serves until stopped.
 * It does not extend {@code Application}, because the JDK's launcher refuses a JavaFX application
 * class when JavaFX is on the class path rather than the module path; and a headless wall never
 * loads JavaFX at all.
 *
 * <p>Exit codes: 2 for an option it cannot read, or an accounts file to import that it refuses,
 * with a one-line message; 1 for a start that fails (the data folder in use by another wall, a port
 * in use, a database it cannot open).
 *
 * <p>Each failure is said on standard error, in one line (an unforeseen one with its stack trace).
 * One that comes once the data folder is the wall's (a port in use, a database it cannot open, a
 * saved setting the options cannot run with) is also written to the log file in the data folder, as
 * a SEVERE line with the same message, so that an operator who reads only the log sees why it did
 * not start. One that comes before (an option it cannot read, the folder in use by another wall, a
 * folder it cannot use) is said on standard error only: there is no log file of this wall yet, and
 * the folder's may be another wall's.
 */
@Command(
    name = "account-wall",
    mixinStandardHelpOptions = true,
    version = "Account Wall 0.1",
    sortOptions = false,
    description =
        "A live wall of the customer accounts that ordered widgets within their lifetime.")
public final class Launcher implements Callable<Integer> {
  @Mixin private WallOptions options;
  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    LogFiles.prepare();
    int exit = commandLine().execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * A fresh launcher's command line, which answers an option it cannot read with one line and exit
   * code 2.
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Launcher());
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          // The message names the option; a usage dump would only bury it.
          e.getCommandLine()
              .getErr()
              .println("account-wall: " + oneLine(e.getMessage()) + " (see --help)");
          return CommandLine.ExitCode.USAGE;
        });
    return commandLine;
  }

  @Override
  public Integer call() throws InterruptedException {
    WallConfig given = options.check(spec.commandLine());
    DataFolder folder;
    try {
      // First of all: a second wall on the folder must stop before it reads or writes anything in
      // it, its log file included: that is the other wall's.
      folder = DataFolder.claim(given.dataFolder());
    } catch (DataFolder.InUseException e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail(
          "cannot use the data folder " + given.dataFolder().toAbsolutePath() + " (" + e + ")");
    }
    // The window's toolkit starts beside the wall's start rather than after it (AccountWallApp).
    CompletableFuture<Void> javaFx = given.headless() ? null : AccountWallApp.startJavaFx();
    Lifecycle lifecycle = null;
    try {
      LogFiles.open(folder.path());
      WallConfig config = options.configWithSavedSettings();
      Wall wall;
      try {
        wall = Wall.start(config, new CoarseClock());
      } catch (AccountsFile.RefusedException e) {
        // A file the operator gave, refused as an option would be: exit code 2.
        failLogged(e.getMessage() + "; nothing was imported, and the wall did not start");
        return CommandLine.ExitCode.USAGE;
      } catch (IOException e) {
        return failLogged(
            "cannot start the order API on "
                + config.bind()
                + ":"
                + config.port()
                + " ("
                + e
                + ")");
      } catch (SQLException e) {
        return failLogged("cannot open the database (" + e.getMessage() + ")");
      } catch (JournalUnavailableException e) {
        return failLogged(e.getMessage());
      }
      lifecycle = Lifecycle.begin(wall, folder, config);
      if (config.headless()) {
        new CountDownLatch(1).await();
      }
      AccountWallApp.show(javaFx, wall, config, lifecycle::beforeSignalExit);
      lifecycle.end("the window was closed");
      return lifecycle.exitStatus(); // 0, or a signal's status if one closed the window
    } catch (CommandLine.ParameterException e) {
      // A saved setting the options cannot run with; the handler tells standard error, exit code 2.
      LogFiles.severeOffConsole(Launcher.class.getName(), oneLine(e.getMessage()), null);
      LogFiles.close();
      throw e;
    } catch (RuntimeException | Error e) {
      // Unforeseen: picocli prints the stack trace to standard error, exit code 1. The log gets it
      // too, and once the start line is in it, the stop line with this reason.
      LogFiles.severeOffConsole(Launcher.class.getName(), "failed: " + e, e);
      if (lifecycle != null) {
        lifecycle.end("failed (" + e + ")");
      } else {
        LogFiles.close();
      }
      throw e;
    } finally {
      folder.close();
    }
  }

  /**
   * Tells standard error why the wall does not start; for a failure before its log file is open.
   */
  private int fail(String message) {
    spec.commandLine().getErr().println("account-wall: " + message);
    return 1;
  }

  /**
   * {@link #fail}, and the same message into the log file (not onto the console a second time),
   * which then closes: nothing more of this start will be logged.
   */
  private int failLogged(String message) {
    LogFiles.severeOffConsole(Launcher.class.getName(), message, null);
    LogFiles.close();
    return fail(message);
  }

  /**
   * {@code message} in one line, as a one-line error says it: line breaks and their indent gone.
   */
  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
