package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's own orders run off the JavaFX thread (in cluster mode each waits for Kafka): a click
 * returns at once, the status bar tells how the order went, and a journal that is down is a
 * message, not a frozen or silent window.
 */
@ExtendWith(ApplicationExtension.class)
class DeskCallsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofMinutes(2)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final Queue<Runnable> deskCalls = new ArrayDeque<>();
  private final AtomicBoolean journalDown = new AtomicBoolean();
  private final AccountDesk desk =
      new AccountDesk() {
        @Override
        public Account order(long accountId, long quantity) {
          if (journalDown.get()) {
            throw new JournalUnavailableException("Kafka did not acknowledge within 30 s");
          }
          return supervisor.order(accountId, quantity);
        }

        @Override
        public boolean end(long accountId) {
          return supervisor.end(accountId);
        }
      };

  @Start
  void start(Stage stage) throws Exception {
    WallModel wall =
        WallModel.builder(supervisor, clock, generator)
            .desk(desk)
            .display(
                TestDisplays.of(
                        new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 10, 0),
                        generator,
                        supervisor)
                    .build())
            .deskCalls(deskCalls::add)
            .build();
    stage.setScene(new Scene(WallView.load(wall), 1400, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void aClickReturnsAtOnceAndTheStatusTellsWhenTheOrderWentThrough(FxRobot robot) {
    robot.clickOn("#accountIdField").write("42");
    robot.clickOn("#orderButton");

    assertFalse(supervisor.exists(42), "the order waits for the desk, not the click");
    assertEquals(1, deskCalls.size());

    runDeskCalls();

    assertTrue(supervisor.exists(42));
    assertTrue(
        status(robot).startsWith("Ordered a widget for " + Account.defaultName(42)), status(robot));
  }

  @Test
  void aJournalThatIsDownIsSaidInTheStatusBar(FxRobot robot) {
    journalDown.set(true);
    robot.clickOn("#accountIdField").write("42");
    robot.clickOn("#orderButton");

    runDeskCalls();

    assertFalse(supervisor.exists(42));
    assertEquals(
        "Could not order a widget for 42: Kafka did not acknowledge within 30 s", status(robot));
  }

  /** Runs the queued desk calls on this (test) thread, as the app's own desk thread would. */
  private void runDeskCalls() {
    for (Runnable call; (call = deskCalls.poll()) != null; ) {
      call.run();
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
  }
}
