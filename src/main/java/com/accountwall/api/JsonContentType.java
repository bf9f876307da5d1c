package com.accountwall.api;

import java.util.Locale;

/**
 * Checks an order request's {@code Content-Type}: {@code application/json}, with no charset or
 * UTF-8's, the parameter value quoted or not ({@code charset="utf-8"} is the same as {@code
 * charset=utf-8} in HTTP, RFC 9110 §5.6.6); other parameters are ignored.
 *
 * <p>Thread-safe: stateless.
 */
final class JsonContentType {
  private JsonContentType() {}

  /**
   * @throws ApiException 415 if {@code header} names another type or charset, or is missing
   */
  static void require(String header) {
    String type = header == null ? "" : header;
    String[] parts = type.toLowerCase(Locale.ROOT).split(";", -1);
    boolean json = parts[0].strip().equals("application/json");
    for (int i = 1; json && i < parts.length; i++) {
      String parameter = parts[i].strip();
      int equals = parameter.indexOf('=');
      if (equals >= 0 && parameter.substring(0, equals).strip().equals("charset")) {
        json = unquoted(parameter.substring(equals + 1).strip()).equals("utf-8");
      }
    }
    if (!json) {
      throw new ApiException(
          415, "send the body as Content-Type: application/json (UTF-8), not '" + type + "'");
    }
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
