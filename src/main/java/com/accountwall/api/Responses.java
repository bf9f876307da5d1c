package com.accountwall.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/**
 * Turns an {@link Answer} into the HTTP/1.1 response the codec writes.
 *
 * <p>Thread-safe: stateless.
 */
final class Responses {
  private Responses() {}

  /**
   * The response for {@code answer}; with {@code close}, it says {@code Connection: close}, and the
   * caller closes the connection once it is written. An HTTP/1.0 client that asked for keep-alive
   * is told it has it, as it only assumes so when told.
   */
  static FullHttpResponse of(Answer answer, boolean close, boolean http10) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            answer.body() == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
    HttpHeaders headers = response.headers();
    if (answer.body() != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    }
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    if (close) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http10) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    return response;
  }
}
