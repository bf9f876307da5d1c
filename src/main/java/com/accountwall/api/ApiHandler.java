package com.accountwall.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Answers one connection's requests, each once its {@link ApiRoutes} future completes, in the order
 * they came (HTTP/1.1 pipelining): requests that come while one is answered wait here, and past
 * {@value #MAX_WAITING} of them the connection reads no more until they are answered, so a client
 * cannot queue work faster than it is answered. (Not stopping reading for every request spares two
 * system calls per request, as the epoll interest would change each time.) A request the HTTP
 * parser refused (bad chunking, conflicting lengths, headers over the limit) is answered in the
 * API's error shape and the connection closed, as the parser cannot find where the next request
 * would begin.
 *
 * <p>Not thread-safe: one per connection; every method and every continuation of an answer runs on
 * the connection's event loop, so its fields need no locks.
 */
final class ApiHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

  private final ApiRoutes routes;
  private final ConnectionTimeouts timeouts;

  /**
   * Pipelined requests waiting past this many stop the connection's reading until they are
   * answered.
   */
  private static final int MAX_WAITING = 16;

  private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean answering;
  private boolean paused; // reading stopped, as MAX_WAITING requests wait

  ApiHandler(ApiRoutes routes, ConnectionTimeouts timeouts) {
    this.routes = routes;
    this.timeouts = timeouts;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof FullHttpRequest request)) {
      io.netty.util.ReferenceCountUtil.release(message);
      return;
    }
    if (answering) {
      waiting.add(request);
      if (waiting.size() == MAX_WAITING) {
        paused = true;
        ctx.channel().config().setAutoRead(false);
      }
    } else {
      begin(ctx, request);
    }
  }

  private void begin(ChannelHandlerContext ctx, FullHttpRequest request) {
    answering = true;
    timeouts.requestRead();
    DecoderResult parsed = request.decoderResult();
    if (parsed.isFailure()) {
      request.release();
      send(ctx, parserRefusal(parsed.cause()), true, false);
      return;
    }
    boolean close = !HttpUtil.isKeepAlive(request);
    boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    try {
      routes
          .answer(request, ctx.channel().remoteAddress(), ctx.executor())
          .thenAccept(
              answer -> {
                if (ctx.executor().inEventLoop()) {
                  send(ctx, answer, close, http10);
                } else {
                  ctx.executor().execute(() -> send(ctx, answer, close, http10));
                }
              });
    } finally {
      request.release(); // ApiRoutes.answer has read what it needs
    }
  }

  private void send(ChannelHandlerContext ctx, Answer answer, boolean close, boolean http10) {
    if (!ctx.channel().isActive()) {
      dropWaiting();
      return;
    }
    var written = ctx.writeAndFlush(Responses.of(answer, close, http10));
    if (close) {
      written.addListener(ChannelFutureListener.CLOSE);
      dropWaiting();
      return;
    }
    answering = false;
    timeouts.answered();
    FullHttpRequest next = waiting.poll();
    if (next != null) {
      begin(ctx, next);
    }
    if (paused && waiting.isEmpty()) {
      paused = false;
      ctx.channel().config().setAutoRead(true);
    }
  }

  /**
   * The parser's refusal in the API's error shape: 431 for headers over the limit, 414 for a long
   * request line.
   */
  static Answer parserRefusal(Throwable cause) {
    if (cause instanceof TooLongHttpHeaderException) {
      return Answer.error(
          431, "the request's headers are over " + ApiChannels.MAX_HEADER_BYTES / 1024 + " KiB");
    }
    if (cause instanceof TooLongHttpLineException) {
      return Answer.error(
          414, "the request line is over " + ApiChannels.MAX_REQUEST_LINE_BYTES / 1024 + " KiB");
    }
    return Answer.error(400, "the request is not valid HTTP/1.1: " + cause.getMessage());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    dropWaiting();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Mostly a client that went away (connection reset); nothing to answer, and nothing for the
    // operator.
    LOG.log(Level.DEBUG, "closing an API connection from " + ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private void dropWaiting() {
    for (FullHttpRequest request; (request = waiting.poll()) != null; ) {
      request.release();
    }
  }
}
