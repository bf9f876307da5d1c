package com.accountwall.files;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager, but one that keeps its handlers open through the JVM's shutdown. The
 * JDK's own manager resets itself, closing every handler, in a shutdown hook of its own that runs
 * at the same time as the wall's: the wall's stop line, and whatever its parts log while they
 * close, could be lost. This one ignores that reset (as Tomcat's {@code ClassLoaderLogManager}
 * does); the wall closes its log file itself once it has stopped ({@link LogFiles#close}), and
 * every handler flushes each record anyway. Installed by {@link LogFiles#prepare}. Thread-safe.
 */
public final class LastingLogManager extends LogManager {
  /** The JDK's reset hook: {@code LogManager$Cleaner}, a thread of its own. */
  private static final String JDK_CLEANER = LogManager.class.getName() + "$";

  /** Made by java.util.logging itself, through {@code -Djava.util.logging.manager}. */
  public LastingLogManager() {}

  @Override
  public void reset() {
    if (Thread.currentThread().getClass().getName().startsWith(JDK_CLEANER)) {
      return;
    }
    super.reset();
  }
}
