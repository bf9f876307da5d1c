package com.accountwall.api;

import com.accountwall.core.Order;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the body of {@code POST /api/orders}: one order {@code {"accountId": 10, "quantity": 3}} or
 * an array of them. Strict, because a wall that guesses miscounts: the id must be a JSON integer
 * from 1 to 2<sup>63</sup>-1, the quantity a JSON integer from 1 to {@value #MAX_QUANTITY} (default
 * 1), and nothing else may be there; the body must be well-formed UTF-8. One bad element rejects
 * the whole batch, with a message that names the element and the field.
 *
 * <p>Thread-safe: stateless apart from a shared, immutable Jackson reader.
 */
final class OrderRequests {
  static final long MAX_QUANTITY = 1_000_000;
  private static final String EXAMPLE = "{\"accountId\": 10, \"quantity\": 3}";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private OrderRequests() {}

  /** The orders in {@code body}, and whether it was a batch (an array). */
  record Parsed(List<Order> orders, boolean batch) {}

  static Parsed parse(byte[] body) {
    JsonNode root = readTree(body, "an order such as " + EXAMPLE);
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw ApiException.badRequest(
            "the batch is empty: send at least one order, such as [" + EXAMPLE + "]");
      }
      List<Order> orders = new ArrayList<>(root.size());
      for (int i = 0; i < root.size(); i++) {
        orders.add(order(root.get(i), "[" + i + "]."));
      }
      return new Parsed(orders, true);
    }
    return new Parsed(List.of(order(root, "")), false);
  }

  /**
   * Reads a request body as strict JSON: well-formed UTF-8, one value, no trailing tokens, no
   * repeated field.
   *
   * @param wanted what to send instead of an empty body, as "an order such as {...}"
   * @throws ApiException 400 saying what is wrong and where
   */
  static JsonNode readTree(byte[] body, String wanted) {
    if (body.length == 0) {
      throw ApiException.badRequest("the body is empty: send " + wanted);
    }
    int malformed = StrictUtf8.firstMalformed(body);
    if (malformed >= 0) {
      throw ApiException.badRequest(
          "the body is not well-formed UTF-8 at byte offset "
              + malformed
              + " (0x"
              + Integer.toHexString(body[malformed] & 0xFF)
              + "): send JSON in UTF-8, the only encoding JSON allows between systems");
    }
    try {
      // Decoded here, not by Jackson, which would guess UTF-16 or UTF-32 from the first bytes.
      JsonNode root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
      if (root == null || root.isMissingNode()) {
        throw ApiException.badRequest("the body is empty: send " + wanted);
      }
      return root;
    } catch (JsonProcessingException e) {
      String problem = e.getOriginalMessage();
      int sourceNote = problem.indexOf(" (start marker at");
      throw ApiException.badRequest(
          "the body is not valid JSON: "
              + (sourceNote < 0 ? problem : problem.substring(0, sourceNote))
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    }
  }

  private static Order order(JsonNode node, String where) {
    if (!node.isObject()) {
      throw ApiException.badRequest(
          (where.isEmpty() ? "an order" : where.substring(0, where.length() - 1))
              + " must be an object such as "
              + EXAMPLE
              + ", got "
              + node);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("accountId") && !name.equals("quantity")) {
        throw ApiException.badRequest(
            where
                + name
                + " is not a field of an order: it has accountId and an optional quantity");
      }
    }
    JsonNode id = node.get("accountId");
    if (id == null) {
      throw ApiException.badRequest(
          where + "accountId is missing: an order names its account, as in " + EXAMPLE);
    }
    if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
      throw ApiException.badRequest(
          where + "accountId must be a positive integer that fits a signed 64-bit long, got " + id);
    }
    JsonNode quantity = node.get("quantity");
    long widgets = 1;
    if (quantity != null) {
      if (!quantity.isIntegralNumber()
          || !quantity.canConvertToLong()
          || quantity.longValue() < 1
          || quantity.longValue() > MAX_QUANTITY) {
        throw ApiException.badRequest(
            where + "quantity must be an integer from 1 to " + MAX_QUANTITY + ", got " + quantity);
      }
      widgets = quantity.longValue();
    }
    return new Order(id.longValue(), widgets);
  }
}
