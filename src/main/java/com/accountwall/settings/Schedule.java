package com.accountwall.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the wall is awake: one or more entries {@code DAYS HH:MM-HH:MM}, separated by commas, such
 * as {@code Mon-Fri 07:00-19:00, Sat 09:00-13:00}. DAYS is {@code daily}, a day ({@code Sat}), a
 * range ({@code Mon-Fri}, or {@code Fri-Mon} across the weekend) or a list of them ({@code
 * Mon,Wed,Fri}). A range that ends at or before it starts runs past midnight into the next day
 * ({@code Fri 22:00-06:00} is Friday night until Saturday 06:00); {@code 24:00} ends at midnight.
 * Each range includes its start and excludes its end. {@link #ALWAYS} (an empty text) is awake all
 * the time.
 *
 * <p>Times are the clock faces of the wall's time zone: {@code 07:00} is whenever its clocks say
 * 07:00, so on the days they change an entry lasts an hour more or less in real time. A time the
 * clocks skip (02:30 on a spring-forward night) takes effect when they jump past it; a time they
 * show twice (on the night they go back) takes effect each time.
 *
 * <p>Plain Java, immutable and thread-safe.
 */
public final class Schedule {
  /** Awake all the time: the schedule of an empty or absent {@code --schedule}. */
  public static final Schedule ALWAYS = new Schedule(List.of(), "always");

  private static final int MINUTES_PER_DAY = 24 * 60;
  private static final String HOW = "write entries like Mon-Fri 07:00-19:00, Sat 09:00-13:00";
  private static final Pattern ENTRY =
      Pattern.compile("(?<days>\\S.*?)\\s+(?<from>\\S+?)\\s*-\\s*(?<to>\\S+)");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private final List<Entry> entries;
  private final String text;

  private Schedule(List<Entry> entries, String text) {
    this.entries = List.copyOf(entries);
    this.text = text;
  }

  /**
   * The schedule {@code text} says, as the class comment writes it; case and blanks around its
   * parts ignored. Blank or null is {@link #ALWAYS}.
   *
   * @throws IllegalArgumentException with a one-line message naming the part it cannot read
   */
  public static Schedule parse(String text) {
    if (text == null || text.isBlank()) {
      return ALWAYS;
    }
    // A comma after a time ends an entry; one after a day only continues a list of days.
    String[] parts = text.strip().split("(?<=\\d)\\s*,", -1);
    List<Entry> entries = new ArrayList<>();
    for (String part : parts) {
      entries.add(Entry.parse(part.strip()));
    }
    return new Schedule(entries, text.strip().replaceAll("\\s+", " "));
  }

  /** Whether this schedule is awake all the time, as {@link #ALWAYS} is. */
  public boolean isAlways() {
    return entries.isEmpty();
  }

  /** Whether the wall is awake at {@code instant}, with {@code zone}'s clocks. */
  public boolean isOn(Instant instant, ZoneId zone) {
    return isOn(LocalDateTime.ofInstant(instant, zone));
  }

  /** Whether the wall is awake while the clocks say {@code time}. */
  public boolean isOn(LocalDateTime time) {
    if (entries.isEmpty()) {
      return true;
    }
    LocalDate day = time.toLocalDate();
    int minute = time.getHour() * 60 + time.getMinute();
    for (Entry entry : entries) {
      if (entry.covers(day.getDayOfWeek(), day.minusDays(1).getDayOfWeek(), minute)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first instant after {@code instant} at which {@link #isOn} changes, with {@code zone}'s
   * clocks; empty when it never does (as with {@link #ALWAYS} or {@code daily 00:00-24:00}).
   */
  public Optional<Instant> nextChange(Instant instant, ZoneId zone) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    boolean on = isOn(instant, zone);
    LocalDate today = LocalDateTime.ofInstant(instant, zone).toLocalDate();
    ZoneRules rules = zone.getRules();
    TreeSet<Instant> candidates = new TreeSet<>();
    // A week and a day either side holds every boundary, and with it the next change if any.
    for (LocalDate day = today.minusDays(1);
        !day.isAfter(today.plusDays(8));
        day = day.plusDays(1)) {
      for (Entry entry : entries) {
        if (entry.days.contains(day.getDayOfWeek())) {
          addInstants(candidates, day, entry.from, rules);
          addInstants(candidates, entry.crossesMidnight() ? day.plusDays(1) : day, entry.to, rules);
        }
      }
    }
    for (Instant candidate : candidates.tailSet(instant, false)) {
      if (isOn(candidate, zone) != on) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The instants at which the clocks say {@code minute} of {@code day}: none, one or two. */
  private static void addInstants(Set<Instant> into, LocalDate day, int minute, ZoneRules rules) {
    LocalDateTime time = day.atStartOfDay().plusMinutes(minute);
    List<ZoneOffset> offsets = rules.getValidOffsets(time);
    if (offsets.isEmpty()) {
      // Skipped by the clocks: what it starts or ends does so when they jump past it.
      ZoneOffsetTransition gap = rules.getTransition(time);
      into.add(gap.getInstant());
    }
    for (ZoneOffset offset : offsets) {
      into.add(time.toInstant(offset));
    }
  }

  /** As written, blanks tidied: {@code Mon-Fri 07:00-19:00}; {@code always} for {@link #ALWAYS}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** Days, and minutes of the day from {@code from} (included) to {@code to} (excluded). */
  private record Entry(Set<DayOfWeek> days, int from, int to) {

    static Entry parse(String text) {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("an entry is empty; " + HOW);
      }
      Matcher matcher = ENTRY.matcher(text);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("'" + text + "' is not DAYS HH:MM-HH:MM; " + HOW);
      }
      Set<DayOfWeek> days = days(matcher.group("days"), text);
      int from = minute(matcher.group("from"), text, false);
      int to = minute(matcher.group("to"), text, true);
      if (from == to) {
        throw new IllegalArgumentException(
            "'" + text + "' starts and ends at the same time; for a whole day write 00:00-24:00");
      }
      return new Entry(days, from, to);
    }

    boolean crossesMidnight() {
      return to <= from;
    }

    /** Whether {@code minute} of a day {@code day}, which follows {@code dayBefore}, is in it. */
    boolean covers(DayOfWeek day, DayOfWeek dayBefore, int minute) {
      if (!crossesMidnight()) {
        return days.contains(day) && minute >= from && minute < to;
      }
      return (days.contains(day) && minute >= from) || (days.contains(dayBefore) && minute < to);
    }

    private static Set<DayOfWeek> days(String text, String entry) {
      String days = text.strip();
      if (days.equalsIgnoreCase("daily")) {
        return EnumSet.allOf(DayOfWeek.class);
      }
      Set<DayOfWeek> all = EnumSet.noneOf(DayOfWeek.class);
      for (String item : days.split("\\s*,\\s*", -1)) {
        String[] ends = item.split("\\s*-\\s*", -1);
        if (ends.length > 2) {
          throw notADay(item, entry);
        }
        DayOfWeek first = day(ends[0], entry);
        DayOfWeek last = ends.length == 2 ? day(ends[1], entry) : first;
        for (DayOfWeek day = first; ; day = day.plus(1)) {
          all.add(day);
          if (day == last) {
            break;
          }
        }
      }
      return all;
    }

    private static DayOfWeek day(String name, String entry) {
      for (DayOfWeek day : DayOfWeek.values()) {
        String full = day.name().toLowerCase(Locale.ROOT);
        if (name.equalsIgnoreCase(full) || name.equalsIgnoreCase(full.substring(0, 3))) {
          return day;
        }
      }
      throw notADay(name, entry);
    }

    private static IllegalArgumentException notADay(String name, String entry) {
      return new IllegalArgumentException(
          "'"
              + name
              + "' in '"
              + entry
              + "' is not a day; write Mon to Sun, a range like Mon-Fri, a list like Mon,Wed,Fri"
              + " or daily");
    }

    /** The minute of the day {@code text} says; {@code 24:00} only as an end. */
    private static int minute(String text, String entry, boolean end) {
      Matcher time = TIME.matcher(text);
      if (time.matches()) {
        int hour = Integer.parseInt(time.group(1));
        int minute = Integer.parseInt(time.group(2));
        if (hour < 24 && minute < 60) {
          return hour * 60 + minute;
        }
        if (end && hour == 24 && minute == 0) {
          return MINUTES_PER_DAY;
        }
      }
      throw new IllegalArgumentException(
          "'"
              + text
              + "' in '"
              + entry
              + "' is not a time of day; write 00:00 to 23:59"
              + (end ? ", or 24:00 for midnight" : ""));
    }

    @Override
    public String toString() {
      return days + " " + LocalTime.MIN.plusMinutes(from) + "-" + LocalTime.MIN.plusMinutes(to);
    }
  }
}
