package com.accountwall.api;

import com.accountwall.core.Order;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
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
    // Read from the parser's tokens: building a tree of a batch's thousand orders first took a
    // third of the body reader's time (JFR, BENCHMARKS.md).
    return JsonBody.read(body, "an order such as " + EXAMPLE, OrderRequests::parse);
  }

  private static Parsed parse(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      return new Parsed(List.of(order(parser, -1)), false);
    }
    List<Order> orders = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      orders.add(order(parser, orders.size()));
    }
    if (orders.isEmpty()) {
      throw ApiException.badRequest(
          "the batch is empty: send at least one order, such as [" + EXAMPLE + "]");
    }
    return new Parsed(orders, true);
  }

  /**
   * The order whose first token the parser is on: element {@code index} of a batch, or the body
   * itself if -1.
   */
  private static Order order(JsonParser parser, int index) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw ApiException.badRequest(
          (index < 0 ? "an order" : "[" + index + "]")
              + " must be an object such as "
              + EXAMPLE
              + ", got "
              + parser.readValueAsTree());
    }
    long accountId = 0; // none yet: a valid one is positive
    long widgets = 1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (name.equals("accountId")) {
        accountId = integer(parser);
        if (accountId <= 0) {
          throw ApiException.badRequest(
              where(index)
                  + "accountId must be a positive integer that fits a signed 64-bit long, got "
                  + value(parser));
        }
      } else if (name.equals("quantity")) {
        widgets = integer(parser);
        if (widgets < 1 || widgets > MAX_QUANTITY) {
          throw ApiException.badRequest(
              where(index)
                  + "quantity must be an integer from 1 to "
                  + MAX_QUANTITY
                  + ", got "
                  + value(parser));
        }
      } else {
        throw ApiException.badRequest(
            where(index)
                + name
                + " is not a field of an order: it has accountId and an optional quantity");
      }
    }
    if (accountId == 0) {
      throw ApiException.badRequest(
          where(index) + "accountId is missing: an order names its account, as in " + EXAMPLE);
    }
    return new Order(accountId, widgets);
  }

  /** The JSON integer the parser is on, if it fits a long; 0, which no field takes, otherwise. */
  private static long integer(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
        ? parser.getLongValue()
        : 0;
  }

  /** The value the parser is on, as JSON, for a message that says what came instead. */
  private static String value(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        ? parser.getText()
        : parser.readValueAsTree().toString();
  }

  private static String where(int index) {
    return index < 0 ? "" : "[" + index + "].";
  }
}
