package com.accountwall.journal;

import java.util.Objects;

/**
 * A client's name for one request, so that a retry of it is applied once: the {@code
 * Idempotency-Key} of the IETF httpapi draft, with a fingerprint of the request it came with. A
 * journal keeps each key with the {@link Receipt} of what its first request applied, in the same
 * commit as those orders, for at least {@link OrderJournal#KEYS_KEPT}.
 *
 * <p>Immutable.
 *
 * @param value what the client sent: 1 to {@value #MAX_LENGTH} printable ASCII characters
 * @param fingerprint what identifies the request's content; the same key with another fingerprint
 *     is a client error, not a retry
 */
public record IdempotencyKey(String value, String fingerprint) {
  public static final int MAX_LENGTH = 255;

  /**
   * @throws IllegalArgumentException naming the fault, if {@code value} is empty, too long or has a
   *     character outside printable ASCII (space to tilde)
   */
  public IdempotencyKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "an Idempotency-Key must have 1 to "
              + MAX_LENGTH
              + " characters, had "
              + (value == null ? 0 : value.length()));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c > '~') {
        throw new IllegalArgumentException(
            "an Idempotency-Key may hold only printable ASCII characters;"
                + " character "
                + (i + 1)
                + " is U+"
                + String.format("%04X", (int) c));
      }
    }
  }
}
