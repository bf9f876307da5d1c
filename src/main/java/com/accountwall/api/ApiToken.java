package com.accountwall.api;

import com.accountwall.files.AtomicFile;
import com.accountwall.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token the API asks for: the one given (option or environment), else the one kept in
 * the data folder, else a new random one, which {@link #keep} then writes there with {@link
 * AtomicFile}, readable by its owner only. Resolving writes nothing, so that a start that fails
 * before the API listens leaves no token behind.
 *
 * <p>Shown to people only {@link #abbreviated} or {@link #masked}: a start line lands in logs such
 * as journald, and so does anything that logs this record. Only the window's controls show it
 * whole, when a person there asks. Immutable.
 *
 * @param value the token
 * @param generated whether it was made up on this start rather than given or found
 * @param file where it is kept, when it is the data folder's rather than given
 */
public record ApiToken(String value, boolean generated, Path file) {
  static final String FILE_NAME = "api-token";

  /** As many bullets whatever the token's length, which they would otherwise tell. */
  private static final String BULLETS = "\u2022".repeat(6);

  /**
   * The token given, else the one kept in {@code dataFolder}, else a new one that {@link #keep}
   * will keep.
   */
  public static ApiToken resolve(String given, Path dataFolder) throws IOException {
    if (given != null && !given.isBlank()) {
      return new ApiToken(given.strip(), false, null);
    }
    Path file = dataFolder.toAbsolutePath().resolve(FILE_NAME);
    if (Files.exists(file)) {
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!kept.isEmpty()) {
        return new ApiToken(kept, false, file);
      }
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random), true, file);
  }

  /**
   * Writes a generated token to its file, atomically and durably; a given or found one is left as
   * it is.
   */
  public void keep() throws IOException {
    if (generated) {
      OwnerOnly.createFolder(file.getParent());
      AtomicFile.write(file, (value + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The first four characters and an ellipsis, never more than half of the token: enough to tell
   * tokens apart, far too little to use one.
   */
  public String abbreviated() {
    return start() + "…";
  }

  /**
   * The characters of {@link #abbreviated}, then a row of bullets ({@code 3kP1••••••}): how the
   * window shows the token until a person asks for the whole of it.
   */
  public String masked() {
    return start() + BULLETS;
  }

  /** The first four characters, never more than half of the token. */
  private String start() {
    return value.substring(0, Math.min(4, value.length() / 2));
  }

  /** How the start line names it: {@code generated API token 3kP1…, kept in /x/api-token}. */
  public String describe() {
    if (file == null) {
      return "API token as given";
    }
    return (generated ? "generated API token " : "API token ")
        + abbreviated()
        + ", kept in "
        + file;
  }

  @Override
  public String toString() {
    return "ApiToken["
        + abbreviated()
        + (generated ? ", generated" : "")
        + (file != null ? ", kept in " + file : "")
        + "]";
  }
}
