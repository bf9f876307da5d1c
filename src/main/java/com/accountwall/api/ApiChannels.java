package com.accountwall.api;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Sets up each new connection's pipeline, in the order bytes meet it: the connection cap, TLS if it
 * serves HTTPS, the time limits, the HTTP/1.1 codec (strict: conflicting or repeated lengths and
 * chunked bodies with a length are refused, headers over {@value #MAX_HEADER_BYTES} bytes too), the
 * body limit, and the handler that answers.
 *
 * <p>Thread-safe: its fields are immutable, and it is called on each connection's event loop.
 */
final class ApiChannels {
  static final int MAX_REQUEST_LINE_BYTES = 4096;
  static final int MAX_HEADER_BYTES = 8192;

  private final ConnectionCap cap;
  private final ApiLimits limits;
  private final TlsFiles tls;
  private final ApiRoutes routes;

  /**
   * @param tls the certificate to serve HTTPS with, or null for plain HTTP
   */
  ApiChannels(ConnectionCap cap, ApiLimits limits, TlsFiles tls, ApiRoutes routes) {
    this.cap = cap;
    this.limits = limits;
    this.tls = tls;
    this.routes = routes;
  }

  /** Sets up the pipeline of {@code channel}, a connection just accepted. */
  void setUp(SocketChannel channel) {
    ConnectionTimeouts timeouts = new ConnectionTimeouts(limits);
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("cap", cap);
    if (tls != null) {
      // Beneath the time limits, which then count decrypted bytes; a stalled handshake is bounded
      // by the handler's own 10 s handshake timeout.
      pipeline.addLast("tls", tls.context().newHandler(channel.alloc()));
    }
    pipeline.addLast("timeouts", timeouts);
    pipeline.addLast(
        "http",
        new HttpServerCodec(
            new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setAllowDuplicateContentLengths(false)
                .setUseRfc9112TransferEncoding(true)
                .setStrictLineParsing(true)));
    pipeline.addLast("body", new BodyLimit(routes.meters()));
    pipeline.addLast("api", new ApiHandler(routes, timeouts));
  }
}
