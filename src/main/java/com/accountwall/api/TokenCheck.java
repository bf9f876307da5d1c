package com.accountwall.api;

/**
 * Decides whether a request's {@code Authorization} header carries a token the API takes.
 *
 * <p>Implementations are thread-safe: every event loop asks at once.
 */
interface TokenCheck {
  /**
   * Whether {@code authorizationHeader} (null if the request has none) is {@code Bearer <a token
   * taken>}.
   */
  boolean admits(String authorizationHeader);
}
