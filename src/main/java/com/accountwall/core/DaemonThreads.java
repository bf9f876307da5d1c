package com.accountwall.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the wall's own threads: daemon threads, so a thread left running never keeps
 * the JVM alive after the wall has stopped, named so a thread dump says whose each one is. In core,
 * as the core's own threads need it and the core imports nothing of the wall's.
 *
 * <p>Thread-safe.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads all named {@code name}: for an executor of one thread. */
  public static ThreadFactory named(String name) {
    return runnable -> start(runnable, name);
  }

  /** Threads named {@code prefix-1}, {@code prefix-2}, …: for a pool. */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger made = new AtomicInteger();
    return runnable -> start(runnable, prefix + "-" + made.incrementAndGet());
  }

  private static Thread start(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
