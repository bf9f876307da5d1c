package com.accountwall.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonBody() {}

  /**
   * The JSON value {@code body} holds.
   *
   * @param wanted what to send, for the message about an empty body: "an order such as {...}"
   * @throws ApiException 400 naming the byte offset of bytes that are not UTF-8, or where the JSON
   *     goes wrong, or saying the body is empty
   */
  static JsonNode read(byte[] body, String wanted) {
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
}
