package com.accountwall.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code Authorization: Bearer <token>} headers. Both sides are hashed before the
 * comparison, so it takes the same time whatever the length or content of a wrong guess.
 * Thread-safe.
 */
final class BearerToken implements TokenCheck {
  private static final String PREFIX = "Bearer ";
  private final byte[] expectedHash;

  BearerToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the API token must not be empty");
    }
    this.expectedHash = sha256(token);
  }

  @Override
  public boolean admits(String authorizationHeader) {
    return MessageDigest.isEqual(expectedHash, sha256(given(authorizationHeader)));
  }

  /**
   * The token in {@code Authorization: Bearer <token>}, or "" if the header is missing or of
   * another scheme.
   */
  static String given(String authorizationHeader) {
    return authorizationHeader != null
            && authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        ? authorizationHeader.substring(PREFIX.length()).strip()
        : "";
  }

  static byte[] sha256(String text) {
    return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
