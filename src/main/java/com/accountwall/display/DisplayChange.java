package com.accountwall.display;

import com.accountwall.core.AccountProfile;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A change to the {@link DisplayState}: some of its fields, each checked against its rule in {@link
 * WallSettings} as it is given; the fields not given stay as they are. The fields have the names
 * {@code /api/display} gives them, and a refusal begins with the field's name: {@code
 * "secondsPerPage: a page must show for at least 1 second, was 0"}.
 *
 * <p>Immutable; its builder is not thread-safe.
 */
public final class DisplayChange {
  // Each null while the change leaves it as it is.
  private final Theme theme;
  private final Boolean kiosk;
  private final Integer secondsPerPage;
  private final Boolean pagingPaused;
  private final Long goal;
  private final Boolean generator;
  private final Double rate;
  private final Duration lifetime;
  private final Schedule schedule;
  private final boolean choosesTeam;
  private final String team; // null for all teams, if it chooses

  private DisplayChange(Builder given) {
    theme = given.theme;
    kiosk = given.kiosk;
    secondsPerPage = given.secondsPerPage;
    pagingPaused = given.pagingPaused;
    goal = given.goal;
    generator = given.generator;
    rate = given.rate;
    lifetime = given.lifetime;
    schedule = given.schedule;
    choosesTeam = given.choosesTeam;
    team = given.team;
  }

  /** A change of nothing yet: add its fields with the methods of {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The lifetime it chooses, or null if it leaves the lifetime as it is. */
  Duration lifetime() {
    return lifetime;
  }

  /** Whether it switches the simulated orders on or off, either way. */
  boolean choosesGenerator() {
    return generator != null;
  }

  /** {@code settings} with this change made. */
  WallSettings applyTo(WallSettings settings) {
    return new WallSettings(
        theme != null ? theme : settings.theme(),
        rate != null ? rate : settings.rate(),
        lifetime != null ? lifetime : settings.lifetime(),
        secondsPerPage != null ? secondsPerPage : settings.pageSeconds(),
        settings.screen(),
        goal != null ? goal : settings.goal(),
        kiosk != null ? kiosk : settings.kiosk(),
        pagingPaused != null ? pagingPaused : settings.pagingPaused(),
        generator != null ? generator : settings.generator(),
        schedule != null ? schedule : settings.schedule(),
        choosesTeam ? team : settings.team());
  }

  /**
   * Gathers the fields of a {@link DisplayChange}. Each method checks its value and refuses it with
   * an {@link IllegalArgumentException} whose message begins with the field's name.
   */
  public static final class Builder {
    private Theme theme;
    private Boolean kiosk;
    private Integer secondsPerPage;
    private Boolean pagingPaused;
    private Long goal;
    private Boolean generator;
    private Double rate;
    private Duration lifetime;
    private Schedule schedule;
    private boolean choosesTeam;
    private String team;

    private Builder() {}

    public Builder theme(Theme value) {
      theme = Objects.requireNonNull(value, "theme");
      return this;
    }

    public Builder kiosk(boolean value) {
      kiosk = value;
      return this;
    }

    /** How long each page shows in kiosk mode, see {@link WallSettings#checkPageSeconds}. */
    public Builder secondsPerPage(int value) {
      secondsPerPage = checked("secondsPerPage", () -> WallSettings.checkPageSeconds(value));
      return this;
    }

    /** Whether kiosk mode stays on the page it shows. */
    public Builder pagingPaused(boolean value) {
      pagingPaused = value;
      return this;
    }

    /** The daily goal, see {@link WallSettings#checkGoal}. */
    public Builder goal(long value) {
      goal = checked("goal", () -> WallSettings.checkGoal(value));
      return this;
    }

    /** No daily goal. */
    public Builder noGoal() {
      goal = WallSettings.NO_GOAL;
      return this;
    }

    /** Whether simulated orders run. */
    public Builder generator(boolean value) {
      generator = value;
      return this;
    }

    /** Simulated orders per second, see {@link WallSettings#checkRate}. */
    public Builder rate(double value) {
      rate = checked("rate", () -> WallSettings.checkRate(value));
      return this;
    }

    /**
     * The lifetime of every live account, see {@link WallSettings#checkLifetime}; the {@link
     * DisplayState} also holds it to the history kept.
     */
    public Builder lifetime(Duration value) {
      lifetime = checked("lifetime", () -> WallSettings.checkLifetime(value));
      return this;
    }

    /** When the window is awake; {@link Schedule#ALWAYS} for all the time. */
    public Builder schedule(Schedule value) {
      schedule = Objects.requireNonNull(value, "schedule");
      return this;
    }

    /** The one team whose accounts the window shows, see {@link AccountProfile#checkText}. */
    public Builder team(String value) {
      team = checked("team", () -> AccountProfile.checkText(value));
      choosesTeam = true;
      return this;
    }

    /** All teams' accounts, as without a filter. */
    public Builder allTeams() {
      team = null;
      choosesTeam = true;
      return this;
    }

    public DisplayChange build() {
      return new DisplayChange(this);
    }

    private static <T> T checked(String field, Supplier<T> rule) {
      try {
        return rule.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
      }
    }
  }
}
