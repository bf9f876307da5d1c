package com.accountwall.ui.celebrate;

import com.accountwall.ui.celebrate.Celebration.Kind;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.media.AudioClip;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The sound of the wall's celebrations ({@code --sound}): as the banner begins to show a
 * celebration, a short chime for its kind plays, once, whether it came at once or waited in the
 * queue; nothing plays while the wall sleeps outside its schedule. The chimes are {@code
 * big-order.wav}, {@code new-account.wav} and {@code goal-reached.wav} beside this class, made by
 * {@code scripts/chimes}.
 *
 * <p>JavaFX's {@link AudioClip} plays from memory on a thread of its own, so a chime costs the
 * JavaFX thread only the call. Confined to the JavaFX thread.
 */
public final class CelebrationChimes {
  private final ObservableBooleanValue asleep;
  private final Consumer<Kind> play;

  /** Calls {@code play} with the kind of each celebration as it shows, unless {@code asleep}. */
  CelebrationChimes(
      CelebrationModel celebrations, ObservableBooleanValue asleep, Consumer<Kind> play) {
    this.asleep = Objects.requireNonNull(asleep, "asleep");
    this.play = Objects.requireNonNull(play, "play");
    celebrations.currentProperty().addListener((observable, before, now) -> chimeFor(now));
  }

  /**
   * Plays the chime of each celebration of {@code celebrations} as it shows, unless {@code asleep}.
   *
   * @throws IllegalStateException if this machine has no sound output, or a chime cannot be loaded
   */
  public static void follow(CelebrationModel celebrations, ObservableBooleanValue asleep) {
    checkSoundOutput();
    Map<Kind, AudioClip> clips = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      clips.put(kind, load(kind));
    }
    var unused = new CelebrationChimes(celebrations, asleep, kind -> clips.get(kind).play());
  }

  /** The file of {@code kind}'s chime, beside this class. */
  static String fileOf(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".wav";
  }

  /**
   * Fails unless a sound line can be opened. Without this, the first chime on a machine with no
   * sound output (a server, a container) fails on AudioClip's own thread, out of our reach, and
   * that thread ends for good: the chimes after it would only queue up, for as long as the wall
   * runs.
   */
  private static void checkSoundOutput() {
    AudioFormat format = new AudioFormat(22_050, 16, 1, true, false);
    try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
      line.open(format);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new IllegalStateException(
          "no sound output on this machine (" + e.getMessage() + ")", e);
    }
  }

  private static AudioClip load(Kind kind) {
    var url = CelebrationChimes.class.getResource(fileOf(kind));
    if (url == null) {
      throw new IllegalStateException("the chime " + fileOf(kind) + " is not in the application");
    }
    try {
      return new AudioClip(url.toExternalForm());
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("cannot play sounds here: " + e.getMessage(), e);
    }
  }

  private void chimeFor(Celebration shown) {
    if (shown != null && !asleep.get()) {
      play.accept(shown.kind());
    }
  }
}
