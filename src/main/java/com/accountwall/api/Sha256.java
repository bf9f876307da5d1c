package com.accountwall.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, as the API hashes tokens and fingerprints keyed bodies: on every request that carries
 * one. Each thread keeps a digest of its own, since a lookup of "SHA-256" among the JDK's providers
 * cost more than the hash of a token itself (3 % of an event loop's time in JFR).
 *
 * <p>Thread-safe: a digest is used by its own thread only, and {@link MessageDigest#digest(byte[])}
 * leaves it reset for the next call.
 */
final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGESTS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK has SHA-256", e);
            }
          });

  private Sha256() {}

  static byte[] of(byte[] bytes) {
    return DIGESTS.get().digest(bytes);
  }
}
