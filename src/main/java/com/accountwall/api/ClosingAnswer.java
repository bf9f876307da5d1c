package com.accountwall.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a last answer in bytes and closes the connection, for handlers that sit beneath the HTTP
 * codec (the connection cap, the read deadline) and refuse a connection rather than a parsed
 * request. Its body has the API's one error shape, like every other refusal.
 *
 * <p>Thread-safe: stateless; call it on the channel's event loop.
 */
final class ClosingAnswer {
  private ClosingAnswer() {}

  /**
   * Writes {@code answer} with {@code Connection: close} through {@code ctx}, then closes the
   * channel.
   */
  static void send(ChannelHandlerContext ctx, Answer answer) {
    StringBuilder head =
        new StringBuilder(160)
            .append("HTTP/1.1 ")
            .append(HttpResponseStatus.valueOf(answer.status()))
            .append("\r\n")
            .append("Content-Type: ")
            .append(answer.contentType())
            .append("\r\n")
            .append("Content-Length: ")
            .append(answer.body().length)
            .append("\r\n")
            .append("Connection: close\r\n");
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuf bytes = Unpooled.wrappedBuffer(headBytes, answer.body());
    ctx.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE);
  }
}
