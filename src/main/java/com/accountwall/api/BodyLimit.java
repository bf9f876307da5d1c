package com.accountwall.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Gathers a request's body, up to {@link OrderApi#MAX_BODY_BYTES}, and refuses a larger one with
 * the API's own 413 (Netty's aggregator would answer it with an empty, untyped body), also when the
 * client asks first with {@code Expect: 100-continue}.
 *
 * <p>A body found too large is answered at once, and the connection's sending half shut after the
 * answer, while its receiving half goes on reading and dropping what the client still sends:
 * closing on unread data would reset the connection, and the client could lose the answer. The
 * connection's read limit ({@link ConnectionTimeouts}) ends that.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class BodyLimit extends HttpObjectAggregator {
  private final OrderMeters meters;

  /**
   * @param meters where an order request refused here is counted, as the routes never see it
   */
  BodyLimit(OrderMeters meters) {
    super(OrderApi.MAX_BODY_BYTES);
    this.meters = meters;
  }

  static Answer tooLarge() {
    return Answer.error(413, "the body is over 1 MiB; send large batches in parts");
  }

  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
    if (answer instanceof FullHttpResponse refusal && refusal.status().code() != 100) {
      int status = refusal.status().code();
      refusal.release();
      counted(start, status);
      return Responses.of(
          status == 413
              ? tooLarge()
              : Answer.error(status, "the wall takes no Expect but 100-continue"),
          true,
          false);
    }
    return answer;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    counted(oversized, 413);
    ctx.writeAndFlush(Responses.of(tooLarge(), true, false))
        .addListener(
            (ChannelFutureListener)
                written -> {
                  if (written.isSuccess() && written.channel() instanceof DuplexChannel duplex) {
                    duplex.shutdownOutput();
                  } else {
                    written.channel().close();
                  }
                });
  }

  private void counted(HttpMessage refused, int status) {
    if (refused instanceof HttpRequest request && ApiRoutes.isOrders(request.uri())) {
      meters.refused(OrderMeters.reason(status, false));
    }
  }
}
