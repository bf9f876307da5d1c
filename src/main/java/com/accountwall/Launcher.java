package com.accountwall;

import com.accountwall.core.CoarseClock;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.settings.SettingsFile;
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
 */
@Command(
    name = "account-wall",
    mixinStandardHelpOptions = true,
    version = "Account Wall 0.1",
    sortOptions = false,
    description = "A live wall of the customer accounts that ordered widgets within their lifetime.")
public final class Launcher implements Callable<Integer> {
  @Mixin private WallOptions options;
  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    // One line per log record, unless the operator configured logging otherwise.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    }
    int exit = new CommandLine(new Launcher()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    options.check(spec.commandLine());
    SettingsFile settings = new SettingsFile(options.dataFolder());
    options.preferSaved(settings.load(options.settings()));
    Wall wall;
    try {
      wall = Wall.start(options, new CoarseClock());
    } catch (IOException e) {
      return fail("cannot start the order API on " + options.bind + ":" + options.port + " (" + e + ")");
    } catch (SQLException e) {
      return fail("cannot open the database (" + e.getMessage() + ")");
    } catch (JournalUnavailableException e) {
      return fail(e.getMessage());
    }
    if (options.headless) {
      Runtime.getRuntime().addShutdownHook(new Thread(wall::close, "account-wall-shutdown"));
      new CountDownLatch(1).await();
    }
    AccountWallApp.show(wall, options, settings);
    return 0;
  }

  private static int fail(String message) {
    System.err.println("account-wall: " + message);
    return 1;
  }
}
