package com.accountwall.ui.celebrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.ui.celebrate.Celebration.Kind;
import com.accountwall.ui.text.Texts;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chimes of {@code --sound}: one per celebration as its banner shows, queued ones when their
 * turn comes, none while the wall sleeps; and each kind's chime is a short, readable sound file.
 */
class CelebrationChimesTest {
  private static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

  private final AccountSupervisor supervisor = AccountSupervisor.builder().build();
  private final CelebrationModel celebrations =
      new CelebrationModel(100, ZoneOffset.UTC, Texts.ENGLISH);
  private final SimpleBooleanProperty asleep = new SimpleBooleanProperty();
  private final List<Kind> played = new ArrayList<>();

  CelebrationChimesTest() {
    var unused = new CelebrationChimes(celebrations, asleep, played::add);
  }

  @Test
  void eachCelebrationChimesOnceAsItShowsQueuedOnesInTheirTurn() {
    order(1, 5); // a new account
    order(2, 500); // a big order
    celebrations.onFrame(NOON);
    celebrations.goalReached(DAY, 10_000, NOON);
    assertEquals(List.of(Kind.BIG_ORDER), played, "only the one showing");

    celebrations.onFrame(NOON.plusSeconds(1));
    assertEquals(List.of(Kind.BIG_ORDER), played, "not again while it shows");

    celebrations.onFrame(NOON.plus(CelebrationModel.SHOWN));
    celebrations.onFrame(NOON.plus(CelebrationModel.SHOWN.multipliedBy(2)));
    assertEquals(List.of(Kind.BIG_ORDER, Kind.NEW_ACCOUNT, Kind.GOAL_REACHED), played);
  }

  @Test
  void aMachineWithoutSoundOutputIsToldAtOnceNotAtTheFirstChime() {
    assumeFalse(hasSoundOutput(), "this machine has a sound output");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> CelebrationChimes.follow(celebrations, asleep));
    assertTrue(refused.getMessage().startsWith("no sound output"), refused.getMessage());
  }

  @Test
  void aMachineWithSoundOutputLoadsTheChimes() {
    assumeTrue(hasSoundOutput(), "this machine has no sound output");
    CelebrationChimes.follow(celebrations, asleep);
  }

  private static boolean hasSoundOutput() {
    return AudioSystem.isLineSupported(
        new DataLine.Info(SourceDataLine.class, new AudioFormat(22_050, 16, 1, true, false)));
  }

  @Test
  void nothingChimesWhileTheWallSleeps() {
    asleep.set(true);
    order(2, 500);
    celebrations.onFrame(NOON);
    assertEquals(List.of(), played);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void eachKindHasAShortChime(Kind kind) throws Exception {
    URL chime = CelebrationChimes.class.getResource(CelebrationChimes.fileOf(kind));
    assertNotNull(chime, CelebrationChimes.fileOf(kind));
    try (AudioInputStream sound = AudioSystem.getAudioInputStream(chime)) {
      double seconds = sound.getFrameLength() / sound.getFormat().getFrameRate();
      assertTrue(seconds > 0.2 && seconds < 2, kind + " lasts " + seconds + " s");
    }
  }

  private void order(long id, long widgets) {
    supervisor.order(id, widgets);
    celebrations.ordered(supervisor.whereis(id).orElseThrow(), widgets);
  }
}
