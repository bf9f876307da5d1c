package com.accountwall.api;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Who may read {@code /metrics}: the holders of its own token when there is one (401 otherwise, as
 * for the API's token), else anyone on this machine (403 from elsewhere, as no token would help).
 *
 * <p>Thread-safe: immutable.
 */
final class MetricsAccess {
  private final TokenCheck token;

  /**
   * @param token the token to ask for, or null for loopback only
   */
  MetricsAccess(String token) {
    this.token = token == null ? null : new BearerToken(token);
  }

  /**
   * Refuses a request from {@code remote} with {@code authorizationHeader} (null if none) unless it
   * may read the meters.
   *
   * @throws ApiException 401 without the token when there is one; 403 from beyond loopback when
   *     there is none
   */
  void check(SocketAddress remote, String authorizationHeader) {
    if (token != null) {
      if (!token.admits(authorizationHeader)) {
        throw new ApiException(
            401,
            "send the wall's metrics token as the header Authorization: Bearer <token>",
            "WWW-Authenticate",
            "Bearer");
      }
      return;
    }
    if (!(remote instanceof InetSocketAddress address)
        || address.getAddress() == null
        || !address.getAddress().isLoopbackAddress()) {
      throw new ApiException(
          403, "the metrics are open to this machine only; start the wall with --metrics-token");
    }
  }
}
