package com.accountwall.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the order API answers and which tokens it takes, for the window to say in its own language:
 * its address and the start of its token in the status bar, the token itself in the controls,
 * masked until a person there asks for it.
 *
 * <p>No {@code toString} of a component, and so not this record's, holds a token: {@link ApiToken}
 * shows its first characters, {@link TokenFile} its file. Immutable, but for the names of a token
 * file's tokens, which follow the file as it is read again.
 *
 * @param address the API's base address, with its real port
 * @param token the one token the API takes; null when it takes {@code tokens}
 * @param tokens the named tokens it takes instead, one per order system; null when it takes {@code
 *     token}
 */
public record ApiEndpoint(URI address, ApiToken token, TokenFile tokens) {
  /**
   * @throws IllegalArgumentException unless exactly one of {@code token} and {@code tokens} is
   *     given
   */
  public ApiEndpoint {
    Objects.requireNonNull(address, "address");
    if ((token == null) == (tokens == null)) {
      throw new IllegalArgumentException("the API takes either one token or a file of them");
    }
  }

  /**
   * Never the token itself (a wall is read by a whole floor): its first characters, to tell it from
   * another, when the wall made or kept it; null when the operator gave it and so knows it, or the
   * API takes a file of tokens.
   */
  public String tokenStart() {
    return keptToken() != null ? token.abbreviated() : null;
  }

  /** The file that holds the token; null when {@link #tokenStart()} is. */
  public Path tokenFile() {
    return keptToken() != null ? token.file() : null;
  }

  /**
   * The one token when the wall made or kept it in a file, the only one a person at the wall may be
   * shown; null when the operator gave it, or the API takes a file of tokens.
   */
  public ApiToken keptToken() {
    return token != null && token.file() != null ? token : null;
  }
}
