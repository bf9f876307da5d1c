package com.accountwall.api;

/**
 * A request the API refuses: its HTTP status, a message for the client naming what is wrong, and at
 * most one header the refusal must carry ({@code Allow} with a 405, {@code WWW-Authenticate} with a
 * 401).
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String header;
  private final String headerValue;

  ApiException(int status, String message) {
    this(status, message, null, null);
  }

  ApiException(int status, String message, String header, String headerValue) {
    super(message, null, false, false);
    this.status = status;
    this.header = header;
    this.headerValue = headerValue;
  }

  int status() {
    return status;
  }

  /**
   * The refusal as the answer the client gets: {@code {"error": message}}, with its header if it
   * has one.
   */
  Answer answer() {
    Answer answer = Answer.error(status, getMessage());
    return header == null ? answer : answer.with(header, headerValue);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }
}
