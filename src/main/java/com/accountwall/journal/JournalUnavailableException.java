package com.accountwall.journal;

/**
 * An order or an ending could not be made durable in time, so it was not acknowledged. The API
 * answers it with 503; the client may send it again.
 */
public class JournalUnavailableException extends RuntimeException {
  public JournalUnavailableException(String message) {
    super(message);
  }

  public JournalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
