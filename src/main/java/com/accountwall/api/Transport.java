package com.accountwall.api;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The API's sockets and event loops: Linux's epoll where its native library loads (fewer system
 * calls and copies per request than the JDK's selector), the JDK's NIO elsewhere.
 *
 * <p>Immutable.
 *
 * @param name "epoll" or "nio", for the log
 */
record Transport(
    String name, IoHandlerFactory handlers, Class<? extends ServerChannel> serverChannel) {

  /** The best one this machine has. */
  static Transport best() {
    return Epoll.isAvailable()
        ? new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class)
        : new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
  }

  /**
   * One event loop per core, on daemon threads named {@code api-loop-N}: each connection lives on
   * one of them, and none of them ever waits for the journal.
   */
  EventLoopGroup loops() {
    return new MultiThreadIoEventLoopGroup(
        Runtime.getRuntime().availableProcessors(),
        new DefaultThreadFactory("api-loop", true),
        handlers);
  }
}
