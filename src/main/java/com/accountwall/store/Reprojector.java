package com.accountwall.store;

import com.accountwall.core.DaemonThreads;
import com.accountwall.journal.AccountChains;
import com.accountwall.journal.Reprojection;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Projects the history anew under another lifetime, beside the writer: reads every row committed
 * when it began, on a connection of its own, into fresh {@link AccountChains}, and hands them to
 * the {@link HistoryWriter}, which links the rows committed since and makes the wall agree. The
 * wall keeps taking orders all along. A read that fails is tried again a second later.
 *
 * <p><b>Thread safety:</b> {@link #progress} and {@link #cancel} may be called from any thread.
 */
final class Reprojector {
  private static final System.Logger LOG = System.getLogger(Reprojector.class.getName());
  private static final int PROGRESS_EVERY = 1 << 16;

  private final AccountDatabase database;
  private final HistoryWriter writer;
  private final Duration lifetime;
  private volatile Reprojection progress;
  private volatile boolean cancelled;

  /** The last row read; this thread's. */
  private long readUpTo;

  Reprojector(AccountDatabase database, HistoryWriter writer, Duration lifetime) {
    this.database = database;
    this.writer = writer;
    this.lifetime = lifetime;
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
   * Reads every row committed now into new chains; {@link Reprojection#total()} is the last row's
   * seq.
   */
  private AccountChains read() throws SQLException {
    long upTo = writer.committedSeq();
    readUpTo = upTo;
    AccountChains chains = new AccountChains(lifetime.toMillis());
    try (AccountDatabase.HistoryReader reader = database.openHistoryReader()) {
      long first = reader.firstSeq();
      long total = first == 0 ? 0 : upTo - first + 1;
      long[] read = {0};
      progress = new Reprojection(lifetime, 0, total);
      reader.forEachRow(
          0,
          upTo,
          (accountId, quantity, atMillis) -> {
            if (cancelled) {
              throw new CancellationException();
            }
            if (quantity == 0) {
              chains.end(0, accountId, atMillis);
            } else {
              chains.order(0, accountId, quantity, atMillis);
            }
            if (++read[0] % PROGRESS_EVERY == 0) {
              progress = new Reprojection(lifetime, read[0], total);
            }
          });
      progress = new Reprojection(lifetime, read[0], Math.max(total, read[0]));
    }
    return chains;
  }
}
