package com.accountwall.journal;

/**
 * An {@link IdempotencyKey} came again with another request than the one it was first used for;
 * nothing was applied. The API answers it with 422.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {
  public IdempotencyKeyReusedException(String key) {
    super(
        "the Idempotency-Key '"
            + key
            + "' was used for another request; a retry must send the same body,"
            + " and a new request a new key");
  }
}
