package com.accountwall.api;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The API's tokens kept in a file, one per order system, so each system can be given, rotated or
 * revoked on its own: a line {@code name token} each ({@code erp 3kP1…}); blank lines and lines
 * starting with {@code #} are passed over. The file is read again when it changes, looked at no
 * more than once a second as requests come, so a token is added, replaced or revoked without a
 * restart; a file that cannot be read, or holds a line it cannot use, keeps the last good tokens
 * and is logged once. No message names a token: a bad line is named by its number.
 *
 * <p>Tokens are kept as SHA-256 hashes, and a header is compared with every one of them whether or
 * not an earlier one matched, so the time an answer takes says nothing about which token, or how
 * much of one, was right.
 *
 * <p>Thread-safe: the tokens in force are an immutable map behind a volatile field; a reload is
 * made under this object's lock.
 */
public final class TokenFile implements TokenCheck {
  private static final System.Logger LOG = System.getLogger(TokenFile.class.getName());
  private static final long LOOK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{16,512}");

  private final Path file;
  private volatile Map<String, byte[]> hashes; // name to the SHA-256 of its token
  private volatile long nextLook;
  private FileVersion loaded; // under this lock
  // The last version of the file that could not be used, so it is logged once; under this lock.
  private FileVersion refused;

  private TokenFile(Path file) {
    this.file = file;
  }

  /**
   * Reads {@code file} now.
   *
   * @throws IOException if it cannot be read, holds a line it cannot use (a name of letters,
   *     digits, '.', '_' or '-', then a token of 16 to 512 printable ASCII characters), repeats a
   *     name, or holds no token at all, so a start with such a file fails
   */
  public static TokenFile load(Path file) throws IOException {
    TokenFile tokens = new TokenFile(file);
    FileVersion version = FileVersion.of(file);
    tokens.hashes = read(file);
    tokens.loaded = version;
    tokens.nextLook = System.nanoTime() + LOOK_EVERY_NANOS;
    return tokens;
  }

  /** The file the tokens are read from. */
  public Path file() {
    return file;
  }

  /** The names of the tokens in force, for the operator: never the tokens. */
  public List<String> names() {
    return List.copyOf(hashes.keySet());
  }

  @Override
  public boolean admits(String authorizationHeader) {
    if (System.nanoTime() - nextLook >= 0) {
      reloadIfChanged();
    }
    byte[] given = BearerToken.sha256(BearerToken.given(authorizationHeader));
    boolean admitted = false;
    for (byte[] hash : hashes.values()) {
      admitted |= MessageDigest.isEqual(hash, given);
    }
    return admitted;
  }

  /** Names the file, never a token. */
  @Override
  public String toString() {
    return "TokenFile[" + file + "]";
  }

  private synchronized void reloadIfChanged() {
    if (System.nanoTime() - nextLook < 0) {
      return; // another request looked meanwhile
    }
    nextLook = System.nanoTime() + LOOK_EVERY_NANOS;
    FileVersion version = null;
    try {
      version = FileVersion.of(file);
      if (version.equals(loaded) || version.equals(refused)) {
        return;
      }
      hashes = read(file);
      loaded = version;
      LOG.log(
          Level.INFO,
          "the API's tokens were read again from "
              + file
              + ": "
              + String.join(", ", hashes.keySet()));
    } catch (IOException e) {
      refused = version;
      LOG.log(
          Level.WARNING,
          "could not read the API's tokens from "
              + file
              + " again; the last good ones still hold: "
              + e.getMessage());
    }
  }

  private static Map<String, byte[]> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, byte[]> hashes = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2
          || !NAME.matcher(parts[0]).matches()
          || !TOKEN.matcher(parts[1]).matches()) {
        throw new IOException(
            file
                + " line "
                + (i + 1)
                + " is not 'name token' (a name of letters, digits, '.', '_' or"
                + " '-', a token of 16 to 512 printable ASCII characters)");
      }
      if (hashes.put(parts[0], BearerToken.sha256(parts[1])) != null) {
        throw new IOException(file + " line " + (i + 1) + " names " + parts[0] + " again");
      }
    }
    if (hashes.isEmpty()) {
      throw new IOException(file + " holds no token: no order system could send orders");
    }
    return Collections.unmodifiableMap(hashes);
  }
}
