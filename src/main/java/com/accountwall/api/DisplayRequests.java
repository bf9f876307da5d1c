package com.accountwall.api;

import com.accountwall.display.DisplayChange;
import com.accountwall.settings.DurationText;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the body of {@code PATCH /api/display}, a JSON merge patch (RFC 7396) of the display's
 * fields, and writes the display's state for {@code GET} and {@code PATCH} ({@link View}). Strict
 * as orders are: an unknown field, a value of the wrong JSON type or one out of its bounds refuses
 * the whole patch with a message that begins with the field's name. The bounds are {@link
 * WallSettings}'s (a team's is {@code core.AccountProfile.checkText}'s), through {@link
 * DisplayChange}; {@code null} clears the goal and the schedule and shows all teams, and is refused
 * for the other fields, which cannot be empty.
 *
 * <p>Thread-safe: stateless.
 */
final class DisplayRequests {
  private static final String EXAMPLE = "{\"theme\": \"light\", \"kiosk\": true}";
  private static final String FIELDS =
      "theme, kiosk, secondsPerPage, pagingPaused, goal, generator, rate, lifetime, schedule and"
          + " team";

  private DisplayRequests() {}

  /**
   * The change {@code body} asks for; an empty object asks for none.
   *
   * @throws ApiException 400 naming the field, for anything it cannot take
   */
  static DisplayChange parse(byte[] body) {
    JsonNode root = JsonBody.read(body, "the fields to change, such as " + EXAMPLE);
    if (!root.isObject()) {
      throw ApiException.badRequest(
          "the body must be a JSON object of the fields to change, such as "
              + EXAMPLE
              + ", got "
              + root);
    }
    DisplayChange.Builder change = DisplayChange.builder();
    try {
      for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        set(change, field.getKey(), field.getValue());
      }
    } catch (IllegalArgumentException e) { // a value out of its bounds, named by DisplayChange
      throw ApiException.badRequest(e.getMessage());
    }
    return change.build();
  }

  private static void set(DisplayChange.Builder change, String name, JsonNode value) {
    switch (name) {
      case "theme" -> change.theme(theme(value));
      case "kiosk" -> change.kiosk(bool(name, value));
      case "secondsPerPage" -> change.secondsPerPage(whole(name, value, "seconds"));
      case "pagingPaused" -> change.pagingPaused(bool(name, value));
      case "goal" -> {
        if (value.isNull()) {
          change.noGoal();
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
          change.goal(value.longValue());
        } else {
          throw wrongType(name, "a whole number of widgets, or null for none", value);
        }
      }
      case "generator" -> change.generator(bool(name, value));
      case "rate" -> {
        if (!value.isNumber()) {
          throw wrongType(name, "a number of orders per second", value);
        }
        change.rate(value.doubleValue());
      }
      case "lifetime" -> change.lifetime(lifetime(value));
      case "schedule" -> {
        if (value.isNull()) {
          change.schedule(Schedule.ALWAYS);
        } else if (value.isTextual()) {
          change.schedule(checked(name, () -> Schedule.parse(value.textValue())));
        } else {
          throw wrongType(name, "text such as \"Mon-Fri 07:00-19:00\", or null for always", value);
        }
      }
      case "team" -> {
        if (value.isNull()) {
          change.allTeams();
        } else if (value.isTextual()) {
          change.team(value.textValue());
        } else {
          throw wrongType(name, "text such as \"North\", or null for all teams", value);
        }
      }
      default ->
          throw ApiException.badRequest(name + " is not a field of the display: it has " + FIELDS);
    }
  }

  private static Theme theme(JsonNode value) {
    if (!value.isTextual()) {
      throw wrongType("theme", "\"dark\" or \"light\"", value);
    }
    return checked("theme", () -> Theme.of(value.textValue()));
  }

  private static Duration lifetime(JsonNode value) {
    if (!value.isTextual()) {
      throw wrongType("lifetime", "a duration such as \"24h\" or \"PT24H\"", value);
    }
    try {
      return DurationText.parse(value.textValue());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("lifetime: " + e.getMessage());
    }
  }

  private static boolean bool(String name, JsonNode value) {
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false", value);
    }
    return value.booleanValue();
  }

  private static int whole(String name, JsonNode value, String unit) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "a whole number of " + unit, value);
    }
    return value.intValue();
  }

  private static ApiException wrongType(String name, String wanted, JsonNode value) {
    return ApiException.badRequest(name + ": must be " + wanted + ", got " + value);
  }

  private static <T> T checked(String name, java.util.function.Supplier<T> reading) {
    try {
      return reading.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name + ": " + e.getMessage());
    }
  }

  /**
   * The display's state as the API shows it; the field order is the documented one.
   *
   * @param rate a whole number when the rate is one, as {@code 10} rather than {@code 10.0}
   * @param goal null for none
   * @param lifetime ISO-8601, such as {@code PT24H}
   * @param schedule as {@code --schedule} writes it; null for always awake
   * @param team the one team shown; null for all teams
   */
  record View(
      String theme,
      boolean kiosk,
      int secondsPerPage,
      boolean pagingPaused,
      Long goal,
      boolean generator,
      Number rate,
      String lifetime,
      String schedule,
      String team) {

    static View of(WallSettings settings) {
      double rate = settings.rate();
      return new View(
          settings.theme().id(),
          settings.kiosk(),
          settings.pageSeconds(),
          settings.pagingPaused(),
          settings.goal() == WallSettings.NO_GOAL ? null : settings.goal(),
          Boolean.TRUE.equals(settings.generator()),
          rate == Math.rint(rate) ? (Number) (long) rate : (Number) rate,
          settings.lifetime().toString(),
          settings.schedule().isAlways() ? null : settings.schedule().toString(),
          settings.team());
    }
  }
}
