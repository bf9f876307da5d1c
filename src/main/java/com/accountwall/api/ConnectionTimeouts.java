package com.accountwall.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.TimeUnit;

/**
 * The time limits of one connection, which the HTTP codec does not have: from a request's first
 * byte, the whole request (headers and body) must arrive within the read limit, or the connection
 * is answered 408 and closed; between requests, a connection that sends nothing for the idle
 * timeout is closed. While a request is being answered neither runs: the journal's own
 * acknowledgement timeout bounds that wait.
 *
 * <p>It sits first in the pipeline (after TLS), where it sees the connection's bytes, so the read
 * limit starts with the first byte of a request, not once its headers are parsed (which a client
 * sending a byte a second would postpone for ever). The handler answering requests tells it,
 * through {@link #requestRead} and {@link #answered}, where a request ends.
 *
 * <p>A limit is a deadline in a field, not a timer of its own: one timer per connection looks at
 * the deadline at most every {@code min(read limit, idle timeout)} and again when it is due, so a
 * request costs two clock reads rather than scheduling and cancelling timers. The timer never fires
 * after the deadline: it is set at most that long ahead, and every deadline is at least that far
 * off when it is set.
 *
 * <p>Not thread-safe: one per connection, used only on its event loop, which runs every method here
 * and the timer.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
  private final ApiLimits limits;
  private final long lookEvery;
  private ChannelHandlerContext ctx;
  private long
      deadline; // System.nanoTime() at which the limit in force runs out; no limit while answering
  private boolean timerSet;
  private boolean reading; // a request's first byte came and the request is not whole yet
  private boolean answering; // a whole request is being answered
  private boolean
      wroteSinceRequestBegan; // an answer went out early (413, 100-continue refused): no 408 then
  private boolean bytesWhileAnswering; // a pipelined request began before the last one was answered

  ConnectionTimeouts(ApiLimits limits) {
    this.limits = limits;
    this.lookEvery = Math.min(limits.requestReadLimit().toNanos(), limits.idleTimeout().toNanos());
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    limit(limits.idleTimeout().toNanos());
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
    if (!reading && message instanceof ByteBuf bytes && bytes.isReadable()) {
      if (answering) {
        bytesWhileAnswering = true;
      } else {
        beginRequest();
      }
    }
    super.channelRead(ctx, message);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise)
      throws Exception {
    if (reading) {
      wroteSinceRequestBegan = true;
    }
    super.write(ctx, message, promise);
  }

  /** A whole request is in hand: no limit runs while it is answered. */
  void requestRead() {
    reading = false;
    answering = true;
  }

  /**
   * Its answer is written: the connection may now idle until its next request, unless that one has
   * begun already, whose read limit then starts now (if it is whole, {@link #requestRead} follows).
   */
  void answered() {
    answering = false;
    if (bytesWhileAnswering) {
      bytesWhileAnswering = false;
      beginRequest();
    } else {
      limit(limits.idleTimeout().toNanos());
    }
  }

  private void beginRequest() {
    reading = true;
    wroteSinceRequestBegan = false;
    limit(limits.requestReadLimit().toNanos());
  }

  private void limit(long nanos) {
    deadline = System.nanoTime() + nanos;
    if (!timerSet) {
      look(lookEvery);
    }
  }

  private void look(long nanos) {
    timerSet = true;
    ctx.executor().schedule(this::due, nanos, TimeUnit.NANOSECONDS);
  }

  private void due() {
    timerSet = false;
    if (answering || !ctx.channel().isActive()) {
      return; // answered() sets the next limit
    }
    long left = deadline - System.nanoTime();
    if (left > 0) {
      look(Math.min(left, lookEvery));
    } else if (reading && !wroteSinceRequestBegan) {
      ClosingAnswer.send(
          ctx,
          Answer.error(
              408,
              "the request did not arrive whole within "
                  + limits.requestReadLimit().toMillis()
                  + " ms of its first byte; send it at once"));
    } else {
      ctx.close();
    }
  }
}
