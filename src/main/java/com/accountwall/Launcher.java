package com.accountwall;

import com.accountwall.core.CoarseClock;
import com.accountwall.files.DataFolder;
import com.accountwall.files.LogFiles;
import com.accountwall.journal.JournalUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
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
 * <p>Exit codes: 2 for an option it cannot read, with a one-line message; 1 for a start that fails
 * (the data folder in use by another wall, a port in use, a database it cannot open).
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
              .println(
                  "account-wall: "
                      + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")
                      + " (see --help)");
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
      // it.
      folder = DataFolder.claim(given.dataFolder());
    } catch (DataFolder.InUseException e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail(
          "cannot use the data folder " + given.dataFolder().toAbsolutePath() + " (" + e + ")");
    }
    try {
      LogFiles.open(folder.path());
      WallConfig config = options.configWithSavedSettings();
      Wall wall;
      try {
        wall = Wall.start(config, new CoarseClock());
      } catch (IOException e) {
        return fail(
            "cannot start the order API on "
                + config.bind()
                + ":"
                + config.port()
                + " ("
                + e
                + ")");
      } catch (SQLException e) {
        return fail("cannot open the database (" + e.getMessage() + ")");
      } catch (JournalUnavailableException e) {
        return fail(e.getMessage());
      }
      Lifecycle lifecycle = Lifecycle.begin(wall, folder, config);
      if (config.headless()) {
        new CountDownLatch(1).await();
      }
      AccountWallApp.show(wall, config);
      lifecycle.end("the window was closed");
      return 0;
    } finally {
      folder.close();
    }
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("account-wall: " + message);
    return 1;
  }
}
