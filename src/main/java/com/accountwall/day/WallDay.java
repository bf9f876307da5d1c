package com.accountwall.day;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The wall's day in its time zone: it starts at {@link #starts()} local time (midnight, or the
 * start of the first shift, {@code --day-starts 06:00}) and lasts until the same local time the
 * next calendar day, so an order at 05:59 counts for the day before. A day is 23 or 25 hours long
 * when the clocks change in it. A day start that falls in a gap of the clocks (02:30 on the
 * spring-forward day in Europe/Berlin) is the moment after the gap, shifted by its length (03:30),
 * as {@link ZonedDateTime#of} resolves it; one that falls in an overlap is the earlier of the two.
 *
 * <p>The pace of a day runs to {@link #ends()}, the first such local time after the day's start
 * ({@code --day-ends 18:00}), which by default is the next day's start.
 *
 * <p>Immutable and thread-safe.
 */
public final class WallDay {
  private final ZoneId zone;
  private final LocalTime starts;
  private final LocalTime ends;

  /**
   * @param zone the wall's time zone
   * @param starts the local time each day starts
   * @param ends the local time the pace runs to; equal to {@code starts} for the whole day
   */
  public WallDay(ZoneId zone, LocalTime starts, LocalTime ends) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.starts = Objects.requireNonNull(starts, "starts");
    this.ends = Objects.requireNonNull(ends, "ends");
  }

  /** Days from midnight to midnight in {@code zone}. */
  public static WallDay midnights(ZoneId zone) {
    return new WallDay(zone, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The local time each day starts. */
  public LocalTime starts() {
    return starts;
  }

  /** The local time the pace runs to; {@link #starts()} for the whole day. */
  public LocalTime ends() {
    return ends;
  }

  /** The start of the day {@code now} is in: the latest day start at or before it. */
  public Instant startOf(Instant now) {
    LocalDate date = now.atZone(zone).toLocalDate();
    Instant start = startOn(date);
    // Before today's start (or, on a day whose start the clocks skipped forward past now), the
    // day began on the calendar day before.
    return start.isAfter(now) ? startOn(date.minusDays(1)) : start;
  }

  /** The start of the day after the one that started at {@code dayStart}. */
  public Instant nextStart(Instant dayStart) {
    return startOn(calendarDateOf(dayStart).plusDays(1));
  }

  /** The start of the day before the one that started at {@code dayStart}. */
  public Instant previousStart(Instant dayStart) {
    return startOn(calendarDateOf(dayStart).minusDays(1));
  }

  /**
   * Where the pace of the day that started at {@code dayStart} runs to: the first {@link #ends()}
   * local time after its start, and at the latest the next day's start.
   */
  public Instant endOf(Instant dayStart) {
    LocalDate date = calendarDateOf(dayStart);
    Instant end = ZonedDateTime.of(date, ends, zone).toInstant();
    if (!end.isAfter(dayStart)) {
      end = ZonedDateTime.of(date.plusDays(1), ends, zone).toInstant();
    }
    Instant next = nextStart(dayStart);
    return end.isAfter(next) ? next : end;
  }

  /**
   * The same local time of day, one calendar day before {@code now}: what "yesterday by this time"
   * counts up to. A local time the clocks skipped yesterday is resolved as {@link ZonedDateTime#of}
   * does (shifted by the gap); the result always lies in the day before {@code now}'s, at its end
   * at the latest.
   */
  public Instant sameTimeYesterday(Instant now) {
    Instant todayStart = startOf(now);
    Instant yesterdayStart = previousStart(todayStart);
    Instant then = now.atZone(zone).minusDays(1).toInstant();
    if (then.isBefore(yesterdayStart)) {
      return yesterdayStart;
    }
    return then.isAfter(todayStart) ? todayStart : then;
  }

  /** The calendar date on which the day that started at {@code dayStart} starts. */
  private LocalDate calendarDateOf(Instant dayStart) {
    LocalDate date = dayStart.atZone(zone).toLocalDate();
    // A start shifted past midnight by a gap still belongs to the date it was asked for.
    return startOn(date).equals(dayStart) ? date : date.minusDays(1);
  }

  private Instant startOn(LocalDate date) {
    return ZonedDateTime.of(date, starts, zone).toInstant();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WallDay day
        && zone.equals(day.zone)
        && starts.equals(day.starts)
        && ends.equals(day.ends);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, starts, ends);
  }

  @Override
  public String toString() {
    return "days from " + starts + " in " + zone + (ends.equals(starts) ? "" : ", pace to " + ends);
  }
}
