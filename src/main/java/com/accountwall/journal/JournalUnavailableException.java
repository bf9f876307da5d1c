package com.accountwall.journal;

/**
 * An order or an ending could not be made durable, so it was not acknowledged. The API answers it
 * with 503. Whether it may still take effect is said by {@link #mayTakeEffect()}: a refusal before
 * anything was applied (the journal is failing, or its backlog is full) never does; a change that
 * was applied but not made durable in time may be, by a later commit. A retry with the same {@link
 * IdempotencyKey} is safe either way.
 */
public class JournalUnavailableException extends RuntimeException {
  private final boolean mayTakeEffect;

  /** A change that was handed on and may still be made durable later. */
  public JournalUnavailableException(String message) {
    this(message, null, true);
  }

  /** A change that was handed on and may still be made durable later. */
  public JournalUnavailableException(String message, Throwable cause) {
    this(message, cause, true);
  }

  protected JournalUnavailableException(String message, Throwable cause, boolean mayTakeEffect) {
    super(message, cause);
    this.mayTakeEffect = mayTakeEffect;
  }

  /** A refusal before anything was applied: the change never takes effect. */
  public static JournalUnavailableException refused(String message, Throwable cause) {
    return new JournalUnavailableException(message, cause, false);
  }

  /** Whether the change may still be made durable, so that the client cannot know its outcome. */
  public boolean mayTakeEffect() {
    return mayTakeEffect;
  }
}
