package com.accountwall.display;

import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.WallSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The display's state, the one home of what the window shows and how, whoever changes it: the
 * window's controls and keys on the JavaFX thread, {@code PATCH /api/display} on the API's threads.
 * A {@link #change} is checked whole and then made whole: it applies at once what applies without a
 * window (the simulated orders' switch and rate, the lifetime, handed to the journal), and is
 * remembered, one save after another in the order of the changes. The window follows it: once per
 * frame it reads {@link #settings()} and shows what changed, so no other thread touches a node.
 *
 * <p>Simulated orders run as chosen ({@link WallSettings#generator()} is never null here), but
 * their switch is remembered only once someone chose it, on the command line, in the window or
 * through the API: until then the next start runs them as its mode has them.
 *
 * <p>Thread-safe: changes are serialised; {@link #settings()} is a volatile read, cheap enough for
 * every frame.
 */
public final class DisplayState {
  private static final System.Logger LOG = System.getLogger(DisplayState.class.getName());

  private final OrderGenerator generator;
  private final Consumer<Duration> lifetimeChanges;
  private final Duration longestLifetime;
  private final Memory memory;
  private final Executor saves;
  private volatile WallSettings settings;
  private boolean generatorChosen; // guarded by this

  /** Where the settings are remembered, such as the settings file's {@code save}. */
  @FunctionalInterface
  public interface Memory {
    /** Keeps {@code settings} for the next start. */
    void remember(WallSettings settings) throws IOException;
  }

  private DisplayState(Builder setup) {
    generator = setup.generator;
    lifetimeChanges = setup.lifetimeChanges;
    longestLifetime = setup.longestLifetime;
    memory = setup.memory;
    saves = setup.saves;
    generatorChosen = setup.settings.generator() != null;
    settings =
        DisplayChange.builder()
            .generator(setup.settings.generatorRuns(setup.headless))
            .build()
            .applyTo(setup.settings);
  }

  /**
   * A display state that starts as {@code settings} say, switches and paces {@code generator}, and
   * hands a new lifetime to {@code lifetimeChanges} (the journal's {@code changeLifetime}, which
   * must not block). By default it is a window's, takes any lifetime and remembers nothing.
   */
  public static Builder builder(
      WallSettings settings, OrderGenerator generator, Consumer<Duration> lifetimeChanges) {
    return new Builder(settings, generator, lifetimeChanges);
  }

  /** The settings in force now; simulated orders' switch as it is, never null. */
  public WallSettings settings() {
    return settings;
  }

  /** Whether {@code lifetime} may be chosen: whether the history is kept at least that long. */
  public boolean canChooseLifetime(Duration lifetime) {
    return lifetime.compareTo(longestLifetime) <= 0;
  }

  /**
   * Makes {@code change}, all of it or, if any of it may not be made, none: checks it first, then
   * switches and paces the simulated orders, hands a new lifetime to the journal, and remembers the
   * settings. A change that changes nothing is not remembered again.
   *
   * @return the settings in force after it, once they are remembered; it fails with an {@link
   *     UncheckedIOException} if they could not be (they are in force all the same, and the log
   *     says why), or with a {@link RejectedExecutionException} once the wall has stopped
   * @throws IllegalArgumentException naming the field, for a lifetime longer than the history kept
   *     or one the journal refuses; nothing changed
   */
  public synchronized CompletableFuture<WallSettings> change(DisplayChange change) {
    WallSettings before = settings;
    WallSettings after = change.applyTo(before);
    Duration lifetime = change.lifetime();
    if (lifetime != null && !canChooseLifetime(lifetime)) {
      throw new IllegalArgumentException(
          "lifetime: must be at most the history kept, "
              + longestLifetime
              + " (--retention), was "
              + lifetime);
    }
    boolean chosenNow = change.choosesGenerator() && !generatorChosen;
    if (after.equals(before) && !chosenNow) {
      return CompletableFuture.completedFuture(after);
    }
    if (!after.lifetime().equals(before.lifetime())) {
      try {
        lifetimeChanges.accept(after.lifetime()); // first: the only one that may refuse
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("lifetime: " + e.getMessage(), e);
      }
    }
    if (after.rate() != before.rate()) {
      generator.setRate(after.rate());
    }
    if (!after.generator().equals(before.generator())) {
      if (after.generator()) {
        generator.start();
      } else {
        generator.pause();
      }
    }
    generatorChosen |= change.choosesGenerator();
    settings = after;
    return remember(after);
  }

  /**
   * Remembers the settings in force now, as they are, such as at a start, so that options given on
   * the command line are what the next start finds.
   *
   * @return the settings remembered, once they are; failing as {@link #change}'s do
   */
  public synchronized CompletableFuture<WallSettings> remember() {
    return remember(settings);
  }

  /**
   * Saves {@code inForce} after every save asked before; called holding the lock, for the order.
   */
  private CompletableFuture<WallSettings> remember(WallSettings inForce) {
    WallSettings kept =
        generatorChosen
            ? inForce
            : new WallSettings(
                inForce.theme(),
                inForce.rate(),
                inForce.lifetime(),
                inForce.pageSeconds(),
                inForce.screen(),
                inForce.goal(),
                inForce.kiosk(),
                inForce.pagingPaused(),
                null,
                inForce.schedule(),
                inForce.team());
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              memory.remember(kept);
              return inForce;
            } catch (IOException e) {
              LOG.log(Level.WARNING, "cannot remember the settings", e);
              throw new UncheckedIOException(e);
            }
          },
          saves);
    } catch (RejectedExecutionException e) {
      // The wall has stopped, and its saves with it: a change made while the window closes (kiosk
      // mode left as the window goes) is in force for the moments left, and not remembered.
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * What a {@link DisplayState} starts from and acts on. Each setter replaces the default named in
   * {@link DisplayState#builder}. Not thread-safe: build on one thread.
   */
  public static final class Builder {
    private final WallSettings settings;
    private final OrderGenerator generator;
    private final Consumer<Duration> lifetimeChanges;
    private boolean headless;
    private Duration longestLifetime = WallSettings.MAX_LIFETIME;
    private Memory memory = settings -> {};
    private Executor saves = Runnable::run;

    private Builder(
        WallSettings settings, OrderGenerator generator, Consumer<Duration> lifetimeChanges) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.generator = Objects.requireNonNull(generator, "generator");
      this.lifetimeChanges = Objects.requireNonNull(lifetimeChanges, "lifetimeChanges");
    }

    /**
     * Whether the wall runs without a window: then simulated orders nobody chose are off, as {@link
     * WallSettings#generatorRuns} says.
     */
    public Builder headless(boolean value) {
      headless = value;
      return this;
    }

    /** How long the order history is kept: no longer lifetime may be chosen. */
    public Builder longestLifetime(Duration value) {
      longestLifetime = Objects.requireNonNull(value, "longestLifetime");
      return this;
    }

    /**
     * Where the settings are remembered, and the executor that runs each save, one at a time in
     * order (a single thread in the wall, so that neither the JavaFX thread nor the API's event
     * loops wait for the disk).
     */
    public Builder memory(Memory value, Executor savesOn) {
      memory = Objects.requireNonNull(value, "memory");
      saves = Objects.requireNonNull(savesOn, "savesOn");
      return this;
    }

    public DisplayState build() {
      return new DisplayState(this);
    }
  }
}
