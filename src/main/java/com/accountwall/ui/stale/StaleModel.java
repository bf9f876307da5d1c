package com.accountwall.ui.stale;

import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether what the wall shows may be stale, and what to tell the room about it: a problem that
 * keeps orders from arriving or being kept (as the journal says it), or no order for {@link
 * #staleAfter()}. Each cause shows from the first frame it holds and goes by itself with the first
 * frame it no longer does.
 *
 * <p>A problem takes precedence over "no orders": while orders cannot be stored or the cluster's
 * log cannot be followed, orders do not arrive because of it, so the problem is the cause worth the
 * room's attention, and one band stays one line (one per problem) high. Once the problem goes, "no
 * orders" shows if it still holds.
 *
 * <p>Told of orders ({@link #ordered}) and problems ({@link #problems}) as they come, it decides
 * once per frame ({@link #onFrame}) by the wall's clock, so a test moves a clock and drives frames
 * instead of waiting. It speaks the wall's language ({@link Texts}), but for the problems, which
 * are the journal's words, as its health check says them; times are said in the wall's time zone.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class StaleModel {

  /** Why the banner shows; {@link #NONE} while it does not. */
  public enum Cause {
    NONE,
    NO_ORDERS,
    PROBLEM
  }

  private final Duration staleAfter;
  private final ZoneId zone;
  private final Instant started;
  private final Texts texts;
  private Instant lastOrder; // null until the wall has seen one
  private List<String> problems = List.of();
  private Instant degradedSince;

  private final ReadOnlyObjectWrapper<Cause> cause =
      new ReadOnlyObjectWrapper<>(this, "cause", Cause.NONE);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");

  /**
   * @param staleAfter how long without an order before the banner says so; {@link Duration#ZERO}
   *     for never (problems still show)
   * @param zone the wall's time zone, in which times are said
   * @param started when the wall started: "no orders" counts from it until an order is seen
   * @param texts the words and times it says
   * @throws IllegalArgumentException if {@code staleAfter} is negative
   */
  public StaleModel(Duration staleAfter, ZoneId zone, Instant started, Texts texts) {
    if (staleAfter.isNegative()) {
      throw new IllegalArgumentException("staleAfter must not be negative, was " + staleAfter);
    }
    this.staleAfter = staleAfter;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.started = Objects.requireNonNull(started, "started");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** How long without an order before the banner says so; zero for never. */
  public Duration staleAfter() {
    return staleAfter;
  }

  /**
   * Notes that the wall has applied orders, the latest of them made at {@code lastOrderAt}. An
   * earlier time than one already seen changes nothing, so accounts put back from the history may
   * be told too: they say when the wall's last order was before it started.
   */
  public void ordered(Instant lastOrderAt) {
    if (lastOrder == null || lastOrderAt.isAfter(lastOrder)) {
      lastOrder = lastOrderAt;
    }
  }

  /**
   * Notes what keeps the wall from acknowledging orders, as the journal says it at {@code now};
   * empty while nothing does. A problem said without a time is shown since the first {@code now} of
   * the run of calls that had any.
   */
  public void problems(List<String> now, Instant at) {
    problems = List.copyOf(now);
    if (problems.isEmpty()) {
      degradedSince = null;
    } else if (degradedSince == null) {
      degradedSince = at;
    }
  }

  /** Decides, at {@code now} by the wall's clock, whether the banner shows and what it says. */
  public void onFrame(Instant now) {
    if (!problems.isEmpty()) {
      show(Cause.PROBLEM, describeProblems(now));
    } else if (!staleAfter.isZero() && stale(now)) {
      show(
          Cause.NO_ORDERS,
          lastOrder == null
              ? texts.text("stale.noOrdersSinceStart", texts.timeOfDay(started, now, zone))
              : texts.text("stale.noOrdersSince", texts.timeOfDay(lastOrder, now, zone)));
    } else {
      show(Cause.NONE, "");
    }
  }

  /** Why the banner shows, or {@link Cause#NONE}. */
  public ReadOnlyObjectProperty<Cause> causeProperty() {
    return cause.getReadOnlyProperty();
  }

  /**
   * What the banner says: "No orders since 14:02", or each problem on a line of its own; empty
   * while it does not show.
   */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Whether the banner shows. */
  public ReadOnlyBooleanProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  private boolean stale(Instant now) {
    Instant since = lastOrder != null ? lastOrder : started;
    return Duration.between(since, now).compareTo(staleAfter) >= 0;
  }

  private String describeProblems(Instant now) {
    return problems.stream()
        .map(
            problem ->
                problem.contains("since ") // the journal's (English) words say since when
                    ? capitalized(problem)
                    : texts.text(
                        "stale.problemSince",
                        capitalized(problem),
                        texts.timeOfDay(degradedSince, now, zone)))
        .collect(Collectors.joining("\n"));
  }

  private static String capitalized(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private void show(Cause now, String saying) {
    text.set(saying);
    cause.set(now);
    shown.set(now != Cause.NONE);
  }
}
