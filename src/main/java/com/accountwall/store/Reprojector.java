package com.accountwall.store;

import com.accountwall.core.DaemonThreads;
import com.accountwall.journal.AccountChains;
import com.accountwall.journal.Reprojection;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Projects the history anew under another lifetime, beside the writer: reads the rows committed
 * when it began that the accounts live now depend on, on a connection of its own, into fresh {@link
 * AccountChains}, and hands them to the {@link HistoryWriter}, which links the rows committed since
 * and makes the wall agree. The wall keeps taking orders all along. A read that fails is tried
 * again a second later.
 *
 * <p><b>Thread safety:</b> {@link #progress} and {@link #cancel} may be called from any thread.
 */
final class Reprojector {
  private static final System.Logger LOG = System.getLogger(Reprojector.class.getName());
  private static final int PROGRESS_EVERY = 1 << 16;

  private final AccountDatabase database;
  private final HistoryWriter writer;
  private final Duration lifetime;
  private final Clock clock;
  private volatile Reprojection progress;
  private volatile boolean cancelled;

  /** The last row read; this thread's. */
  private long readUpTo;

  /** Rows read so far; this thread's. */
  private long read;

  /**
   * @param clock the wall's: which accounts are live now
   */
  Reprojector(AccountDatabase database, HistoryWriter writer, Duration lifetime, Clock clock) {
    this.database = database;
    this.writer = writer;
    this.lifetime = lifetime;
    this.clock = clock;
    this.progress = new Reprojection(lifetime, 0, 0);
  }

  /**
   * Starts it on a thread of its own; {@code done} runs once the writer shows the result, or it was
   * cancelled.
   */
  void start(Runnable done) {
    DaemonThreads.named("history-reprojection").newThread(() -> run(done)).start();
  }

  Reprojection progress() {
    return progress;
  }

  /** Stops it; what it read is dropped. */
  void cancel() {
    cancelled = true;
  }

  private void run(Runnable done) {
    long started = System.nanoTime();
    while (!cancelled) {
      try {
        AccountChains chains = read();
        LOG.log(
            Level.INFO,
            "re-projected {0} history rows under a lifetime of {1} in {2} ms",
            progress.read(),
            lifetime,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        writer.handOver(new HistoryWriter.Handover(chains, lifetime.toMillis(), readUpTo, done));
        return;
      } catch (CancellationException e) {
        break;
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "re-projecting the history failed; trying again in a second: " + e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          break;
        }
      }
    }
    done.run();
  }

  /**
   * Reads the rows committed now that the accounts live now depend on into new chains, stretch by
   * stretch back in time as cluster mode's replay reads its log: first the last lifetime, then
   * earlier stretches, each twice as long as the one before, while a chain live now may have begun
   * before what was read. Under a lifetime short beside the history, that is a small part of it.
   */
  private AccountChains read() throws SQLException {
    long upTo = writer.committedSeq();
    readUpTo = upTo;
    long lifetimeMillis = lifetime.toMillis();
    long now = clock.millis();
    try (AccountDatabase.HistoryReader reader = database.openHistoryReader()) {
      long from = now - lifetimeMillis;
      long after = reader.seqBefore(from, upTo);
      read = 0;
      progress = new Reprojection(lifetime, 0, upTo - after);
      AccountChains chains = fold(reader, after, upTo);
      long window = 0;
      for (; ; ) {
        long openStart = chains.earliestOpenStart(now);
        if (openStart == Long.MAX_VALUE || openStart - lifetimeMillis >= from) {
          return chains;
        }
        window = Math.max(from - (openStart - lifetimeMillis), 2 * window);
        long earlierFrom = from - window;
        long earlierAfter = reader.seqBefore(earlierFrom, after);
        if (earlierAfter == after) {
          // No rows in that stretch (the history begins, or the wall was off): no earlier order
          // can reach the open chains.
          return chains;
        }
        chains.continueFrom(fold(reader, earlierAfter, after));
        after = earlierAfter;
        from = earlierFrom;
      }
    }
  }

  /** Folds the rows after {@code afterSeq} up to {@code upToSeq} into new chains. */
  private AccountChains fold(AccountDatabase.HistoryReader reader, long afterSeq, long upToSeq)
      throws SQLException {
    AccountChains chains = new AccountChains(lifetime.toMillis());
    long total = read + upToSeq - afterSeq;
    progress = new Reprojection(lifetime, read, total);
    reader.forEachRow(
        afterSeq,
        upToSeq,
        (accountId, quantity, atMillis) -> {
          if (cancelled) {
            throw new CancellationException();
          }
          if (quantity == 0) {
            chains.end(0, accountId, atMillis);
          } else {
            chains.order(0, accountId, quantity, atMillis);
          }
          if (++read % PROGRESS_EVERY == 0) {
            progress = new Reprojection(lifetime, read, total);
          }
        });
    progress = new Reprojection(lifetime, read, Math.max(total, read));
    return chains;
  }
}
