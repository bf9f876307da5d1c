package com.accountwall.api;

import com.accountwall.core.AccountProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Reads the body of {@code PUT /api/accounts/{id}/profile}: {@code {"name": "…", "team": "…"}}, as
 * strictly as an order ({@link JsonBody#read}): a JSON object with a {@code name} and an optional
 * {@code team} (omitted or null for none), each a JSON string that passes {@link
 * AccountProfile#problemWith}, and no other field. Whatever is wrong is refused with 400 naming the
 * field, and nothing is stored.
 *
 * <p>Thread-safe: stateless.
 */
final class ProfileRequests {
  private static final String EXAMPLE = "{\"name\": \"Northwind Traders\", \"team\": \"North\"}";

  private ProfileRequests() {}

  /**
   * The profile in {@code body}; a team omitted or null is the empty attribute.
   *
   * @throws ApiException 400 naming the field, for anything else
   */
  static AccountProfile parse(byte[] body) {
    JsonNode root = JsonBody.read(body, "a profile such as " + EXAMPLE);
    if (!root.isObject()) {
      throw ApiException.badRequest(
          "a profile must be an object such as " + EXAMPLE + ", got " + root);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("name") && !name.equals("team")) {
        throw ApiException.badRequest(
            name + " is not a field of a profile: it has name and an optional team");
      }
    }
    JsonNode name = root.get("name");
    if (name == null || name.isNull()) {
      throw ApiException.badRequest("name is missing: a profile has a name, as in " + EXAMPLE);
    }
    JsonNode team = root.get("team");
    return new AccountProfile(
        text("name", name), team == null || team.isNull() ? "" : text("team", team));
  }

  /** The field's text, if it is a JSON string that passes the rule for a name or a team. */
  private static String text(String field, JsonNode value) {
    if (!value.isTextual()) {
      throw ApiException.badRequest(
          field
              + " must be a JSON string of 1 to "
              + AccountProfile.MAX_CHARACTERS
              + " characters, got "
              + value);
    }
    String problem = AccountProfile.problemWith(value.textValue());
    if (problem != null) {
      throw ApiException.badRequest(field + ": " + problem);
    }
    return value.textValue();
  }
}
