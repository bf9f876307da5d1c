package com.accountwall.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request's JSON body strictly, for every endpoint that takes one: well-formed UTF-8 and
 * nothing else ({@link StrictUtf8}), one JSON value and nothing after it, no field twice in an
 * object.
 *
 * <p>Thread-safe: stateless apart from a shared, immutable Jackson reader.
 */
final class JsonBody {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonBody() {}

  /** Reads one JSON value from a parser on its first token, leaving it on the value's last. */
  @FunctionalInterface
  interface ValueReader<T> {
    T read(JsonParser parser) throws IOException;
  }

  /**
   * The JSON value {@code body} holds, as a tree.
   *
   * @param wanted what to send, for the message about an empty body: "an order such as {...}"
   * @throws ApiException 400 naming the byte offset of bytes that are not UTF-8, or where the JSON
   *     goes wrong, or saying the body is empty
   */
  static JsonNode read(byte[] body, String wanted) {
    return read(
        body,
        wanted,
        parser -> {
          JsonNode value = parser.readValueAsTree();
          return value == null ? NullNode.getInstance() : value;
        });
  }

  /**
   * The JSON value {@code body} holds, as {@code reader} reads it from the parser's tokens: for a
   * large body, without a tree of it in between. What {@code reader} throws goes through, so it
   * refuses what the JSON means with {@link ApiException}s of its own.
   *
   * @throws ApiException 400 as {@link #read(byte[], String)}, and for anything after the value
   */
  static <T> T read(byte[] body, String wanted, ValueReader<T> reader) {
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
    // Decoded here, not by Jackson, which would guess UTF-16 or UTF-32 from the first bytes.
    try (JsonParser parser = JSON.createParser(new String(body, StandardCharsets.UTF_8))) {
      if (parser.nextToken() == null) {
        throw ApiException.badRequest("the body is empty: send " + wanted);
      }
      T value = reader.read(parser);
      if (parser.nextToken() != null) {
        throw ApiException.badRequest(
            "the body is not valid JSON: more follows the JSON value"
                + at(parser.currentTokenLocation()));
      }
      return value;
    } catch (JsonProcessingException e) {
      String problem = e.getOriginalMessage();
      int sourceNote = problem.indexOf(" (start marker at");
      throw ApiException.badRequest(
          "the body is not valid JSON: "
              + (sourceNote < 0 ? problem : problem.substring(0, sourceNote))
              + (e.getLocation() == null ? "" : at(e.getLocation())));
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from a string", e); // a string cannot fail so
    }
  }

  /** Where in the body, as a message names it. */
  private static String at(JsonLocation where) {
    return " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
