package com.accountwall.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the API, before it meets the wire: a status, the headers it adds, and a body with
 * its media type (or none, for 204). Every refusal is {@link #error}, so every refusal has the one
 * documented shape {@code {"error": "..."}}, whoever makes it: a route, the body limit or the HTTP
 * parser.
 *
 * <p>Immutable; {@link #with} makes a new answer.
 *
 * @param headers the headers it adds; never Content-Type or Content-Length, which follow from the
 *     body
 * @param body the bytes to send, or null for no body
 * @param contentType the body's media type, or null with no body
 */
record Answer(int status, Map<String, String> headers, byte[] body, String contentType) {
  static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final ObjectMapper JSON = new ObjectMapper();

  Answer {
    headers = Map.copyOf(headers);
  }

  /** {@code body} written as JSON. */
  static Answer json(int status, Object body) {
    try {
      return new Answer(status, Map.of(), JSON.writeValueAsBytes(body), JSON_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the API's own answers are plain records and lists", e);
    }
  }

  /** A refusal: {@code {"error": message}}. */
  static Answer error(int status, String message) {
    return json(status, Map.of("error", message));
  }

  /** No body, as for 204. */
  static Answer empty(int status) {
    return new Answer(status, Map.of(), null, null);
  }

  /** Text of another media type, such as CSV. */
  static Answer text(int status, String text, String contentType) {
    return new Answer(status, Map.of(), text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** The same answer with one more header. */
  Answer with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, more, body, contentType);
  }
}
