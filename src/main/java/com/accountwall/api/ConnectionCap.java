package com.accountwall.api;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the API's open connections at most {@code max}: a connection past it is answered 503 with
 * {@code Retry-After} at once and closed, before anything is read from it, so a flood of
 * connections costs the wall a few bytes each and its file descriptors stay within the process's
 * limit.
 *
 * <p>Thread-safe: one instance is shared by every connection; the count is an atomic incremented
 * when a connection opens and decremented when it closes, so a refused connection holds a place
 * only until its close, which follows at once.
 */
@Sharable
final class ConnectionCap extends ChannelInboundHandlerAdapter {
  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionCap(int max) {
    this.max = max;
  }

  /** How many connections are open now, refused ones included until they are closed. */
  int open() {
    return open.get();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      ctx.channel().config().setAutoRead(false);
      ClosingAnswer.send(
          ctx,
          Answer.error(
                  503,
                  "the wall has "
                      + max
                      + " connections open, its most;"
                      + " retry later, and reuse connections (keep-alive)")
              .with("Retry-After", "1"));
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }
}
