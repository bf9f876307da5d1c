package com.accountwall.api;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Sets up each new connection's pipeline, in the order bytes meet it: the connection cap, the
 * time limits, the HTTP/1.1 codec (strict: conflicting or repeated lengths and chunked bodies with a
 * length are refused, headers over {@value #MAX_HEADER_BYTES} bytes too), the body limit, and the
 * handler that answers.
 *
 * <p>Thread-safe: its fields are immutable, and it is called on each connection's event loop.
 */
final class ApiChannels {
  static final int MAX_REQUEST_LINE_BYTES = 4096;
  static final int MAX_HEADER_BYTES = 8192;

  private final ConnectionCap cap;
  private final ApiLimits limits;
  private final ApiRoutes routes;

  ApiChannels(ConnectionCap cap, ApiLimits limits, ApiRoutes routes) {
    this.cap = cap;
    this.limits = limits;
    this.routes = routes;
  }

  /** Sets up the pipeline of {@code channel}, a connection just accepted. */
  void setUp(SocketChannel channel) {
    ConnectionTimeouts timeouts = new ConnectionTimeouts(limits);
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("cap", cap);
    pipeline.addLast("timeouts", timeouts);
    pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setAllowDuplicateContentLengths(false)
        .setUseRfc9112TransferEncoding(true)
        .setStrictLineParsing(true)));
    pipeline.addLast("body", new BodyLimit());
    pipeline.addLast("api", new ApiHandler(routes, timeouts));
  }
}
