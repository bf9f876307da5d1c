package com.accountwall.api;

import com.accountwall.journal.IdempotencyKey;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the {@code Idempotency-Key} header of an order request, as the IETF httpapi draft has it: a
 * string the client chooses, sent alike on every retry, quoted ({@code "8e03978e-…"}) or not. The
 * request it names is fingerprinted by its body's SHA-256, so the same key with another body is
 * told apart from a retry.
 *
 * <p>Thread-safe: stateless.
 */
final class IdempotencyKeys {
  static final String HEADER = "Idempotency-Key";

  private IdempotencyKeys() {}

  /**
   * The key of a request with these header values and body, or null if it has none.
   *
   * @throws ApiException 400, if the header is repeated, empty, too long or not printable ASCII
   */
  static IdempotencyKey of(List<String> header, byte[] body) {
    if (header == null || header.isEmpty()) {
      return null;
    }
    if (header.size() > 1) {
      throw ApiException.badRequest("send one " + HEADER + " header, not " + header.size());
    }
    String value = header.get(0).strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return new IdempotencyKey(value, HexFormat.of().formatHex(Sha256.of(body)));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
