package com.accountwall.api;

import com.accountwall.core.Order;
import com.fasterxml.jackson.databind.JsonNode;
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
 * <p>Thread-safe: stateless.
 */
final class OrderRequests {
  static final long MAX_QUANTITY = 1_000_000;
  private static final String EXAMPLE = "{\"accountId\": 10, \"quantity\": 3}";

  private OrderRequests() {}

  /** The orders in {@code body}, and whether it was a batch (an array). */
  record Parsed(List<Order> orders, boolean batch) {}

  static Parsed parse(byte[] body) {
    JsonNode root = JsonBody.read(body, "an order such as " + EXAMPLE);
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
