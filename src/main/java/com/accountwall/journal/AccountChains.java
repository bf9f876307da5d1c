package com.accountwall.journal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The accounts the order log describes, computed from the log alone: what a wall replays on start,
 * and what its follower then keeps deciding by, so that whether an order extends its account or
 * starts a new one never depends on when this wall's expiry ran. The rule is the one {@link
 * com.accountwall.core.AccountSupervisor#orderAt} applies: an order adds to the account's chain if
 * it was made before the chain's deadline (last order plus lifetime) and starts a new chain
 * otherwise; an end event ends the chain. Events of one id must come in log order; ids may
 * interleave in any way.
 *
 * <p><b>Forgetting.</b> A chain is forgotten once its partition's log time (the latest record time
 * read from it) is {@link #GRACE_MILLIS} past its deadline: an order made before the deadline but
 * written that much later starts a new chain. As log time is read from the log, every wall forgets
 * alike, and memory holds only the chains of about one lifetime.
 *
 * <p>A chain whose first order is the first event of its id read may have begun earlier, before the
 * stretch read: {@link #earliestOpenStart} tells how far back to read to be sure, and {@link
 * #continueFrom} joins such chains to an earlier stretch's.
 *
 * <p><b>Changes.</b> Once {@link #listChanges} is called, the chains also list the ids they change,
 * for a writer that checkpoints them: marking the chain an order has just looked up costs nothing
 * more, where a set of its own would be another look-up per order in a table of every account.
 *
 * <p>Not thread-safe: one replay, then one follower thread, owns it.
 */
public final class AccountChains {
  /**
   * How long past its deadline (in log time) a chain is still extended by an order made before it.
   */
  public static final long GRACE_MILLIS = 60_000;

  private final long lifetimeMillis;
  private final Map<Long, Chain> chains = new HashMap<>();
  private long[] logMillis = new long[0];
  private int eventsSincePrune;
  private Seed seed;
  private long largestCount;

  /** The ids changed since {@link #takeChanged}, while listing; null while not. */
  private long[] changed;

  private int changedCount;

  /** Which taking of the changes this is: a chain marked with it is listed already. */
  private int changeRound = 1;

  public AccountChains(long lifetimeMillis) {
    this.lifetimeMillis = lifetimeMillis;
  }

  /** One account's chain of orders: its count, first and last order; ended by an end event. */
  private static final class Chain {
    final int partition;
    long count;
    long firstMillis;
    long lastMillis;
    boolean ended;

    /** Whether the chain might have begun before the stretch read. */
    boolean open;

    /** The change round in which this chain was last listed as changed. */
    int listedIn;

    Chain(int partition) {
      this.partition = partition;
    }
  }

  /**
   * What an order did to its account's chain.
   *
   * @param extended whether it extended the chain (else it started a new one)
   * @param count the chain's widgets after it
   * @param lastMillis the chain's last order after it
   */
  public record Link(boolean extended, long count, long lastMillis) {}

  /**
   * Applies an order made at {@code atMillis}, read from {@code partition}.
   *
   * @throws ArithmeticException if it would overflow its account's count; nothing changes
   */
  public Link order(int partition, long id, long qty, long atMillis) {
    Chain chain = chain(id);
    Link link;
    if (chain == null) {
      chain = new Chain(partition);
      chain.open = true;
      start(chain, qty, atMillis);
      chains.put(id, chain);
      link = new Link(false, qty, atMillis);
    } else if (!isExtendedAt(chain, atMillis)) {
      chain.ended = false;
      chain.open = false;
      start(chain, qty, atMillis);
      link = new Link(false, qty, atMillis);
    } else {
      chain.count = Math.addExact(chain.count, qty);
      largestCount = Math.max(largestCount, chain.count);
      chain.lastMillis = Math.max(chain.lastMillis, atMillis);
      link = new Link(true, chain.count, chain.lastMillis);
    }
    changed(id, chain);
    advance(partition, atMillis);
    return link;
  }

  /**
   * Ends the account's chain: an end event made at {@code atMillis}.
   *
   * @return whether the account was live then, by the log
   */
  public boolean end(int partition, long id, long atMillis) {
    Chain chain = chain(id);
    if (chain == null) {
      chain = new Chain(partition);
      chains.put(id, chain);
    }
    boolean live = chain.count > 0 && isExtendedAt(chain, atMillis);
    chain.ended = true;
    chain.lastMillis = Math.max(chain.lastMillis, atMillis); // only so that it is forgotten in time
    changed(id, chain);
    advance(partition, atMillis);
    return live;
  }

  /**
   * From now on lists the id of each chain an order or end changes, for {@link #takeChanged}. Off
   * until called, so that a follower that never takes them does not pile them up.
   */
  public void listChanges() {
    if (changed == null) {
      changed = new long[1024];
    }
  }

  /**
   * The ids of the chains changed since the last call, or since {@link #listChanges}, and starts
   * listing anew; empty unless listing. Each id comes once, unless its chain was forgotten and
   * began again in between.
   */
  public long[] takeChanged() {
    if (changed == null) {
      return new long[0];
    }
    long[] taken = Arrays.copyOf(changed, changedCount);
    changedCount = 0;
    changeRound++;
    return taken;
  }

  private void changed(long id, Chain chain) {
    if (changed != null && chain.listedIn != changeRound) {
      chain.listedIn = changeRound;
      if (changedCount == changed.length) {
        changed = Arrays.copyOf(changed, 2 * changedCount);
      }
      changed[changedCount++] = id;
    }
  }

  /** Whether an order made at {@code atMillis} extends the chain, as the log has it so far. */
  private boolean isExtendedAt(Chain chain, long atMillis) {
    long deadline = chain.lastMillis + lifetimeMillis;
    return !chain.ended
        && deadline > atMillis
        && deadline + GRACE_MILLIS > logMillis(chain.partition);
  }

  /**
   * At least the largest count any chain has had: a bound below which no order of {@code quantity}
   * can overflow a count, so a caller that must apply several orders all or none can skip checking
   * each.
   */
  public boolean mayOverflow(long quantity) {
    return largestCount > Long.MAX_VALUE - quantity;
  }

  private void start(Chain chain, long qty, long atMillis) {
    largestCount = Math.max(largestCount, qty);
    chain.count = qty;
    chain.firstMillis = atMillis;
    chain.lastMillis = atMillis;
  }

  private long logMillis(int partition) {
    return partition < logMillis.length ? logMillis[partition] : Long.MIN_VALUE;
  }

  /** Moves the partition's log time on, and forgets old chains: amortised, one look per event. */
  private void advance(int partition, long atMillis) {
    if (partition >= logMillis.length) {
      int grown = logMillis.length;
      logMillis = Arrays.copyOf(logMillis, partition + 1);
      Arrays.fill(logMillis, grown, logMillis.length, Long.MIN_VALUE);
    }
    logMillis[partition] = Math.max(logMillis[partition], atMillis);
    if (++eventsSincePrune >= chains.size()) {
      eventsSincePrune = 0;
      for (Iterator<Chain> all = chains.values().iterator(); all.hasNext(); ) {
        Chain chain = all.next();
        if (chain.lastMillis + lifetimeMillis + GRACE_MILLIS <= logMillis(chain.partition)) {
          all.remove();
        }
      }
    }
  }

  /**
   * Joins to this stretch the one just before it: each open chain here that the earlier stretch's
   * last chain of its id continues takes that chain's count and start.
   */
  public void continueFrom(AccountChains earlier) {
    for (Map.Entry<Long, Chain> entry : chains.entrySet()) {
      Chain chain = entry.getValue();
      if (chain.open) {
        Chain before = earlier.chains.get(entry.getKey());
        chain.open = false;
        if (before != null
            && !before.ended
            && before.lastMillis + lifetimeMillis > chain.firstMillis) {
          chain.count = Math.addExact(chain.count, before.count);
          largestCount = Math.max(largestCount, chain.count);
          chain.firstMillis = before.firstMillis;
          chain.open = before.open;
        }
      }
    }
  }

  /**
   * The earliest first order among chains that are live at {@code nowMillis} and may have begun
   * before the stretch, or {@link Long#MAX_VALUE} if there are none.
   */
  public long earliestOpenStart(long nowMillis) {
    long earliest = Long.MAX_VALUE;
    for (Chain chain : chains.values()) {
      if (chain.open && isLive(chain, nowMillis)) {
        earliest = Math.min(earliest, chain.firstMillis);
      }
    }
    return earliest;
  }

  /**
   * Where a chain these chains do not hold comes from until they do: a checkpoint's account, kept
   * elsewhere (the wall's), as a link that extended it; null if it has none.
   */
  @FunctionalInterface
  public interface Seed {
    Link chainOf(long id);
  }

  /**
   * Takes the chains of a checkpoint from {@code seed}, each the first time its id is asked for,
   * rather than holding a million of them from the start: for a history whose checkpoint is also on
   * the wall. {@code largestCount} is the largest count among them, for {@link #mayOverflow}.
   */
  public void seedFrom(Seed seed, long largestCount) {
    this.seed = seed;
    this.largestCount = Math.max(this.largestCount, largestCount);
  }

  /** The chain of {@code id}: held, or taken from the seed (partition 0), or null. */
  private Chain chain(long id) {
    Chain chain = chains.get(id);
    if (chain == null && seed != null) {
      Link seeded = seed.chainOf(id);
      if (seeded != null) {
        chain = new Chain(0);
        start(chain, seeded.count(), seeded.lastMillis());
        chains.put(id, chain);
      }
    }
    return chain;
  }

  /**
   * The account's chain if it is live at {@code nowMillis}, as a link that extended it; else null.
   */
  public Link liveChain(long id, long nowMillis) {
    Chain chain = chain(id);
    return chain != null && isLive(chain, nowMillis)
        ? new Link(true, chain.count, chain.lastMillis)
        : null;
  }

  /**
   * Hands each account live at {@code nowMillis} to {@code live} as (id, chain) count and last
   * order.
   */
  public void forEachLive(long nowMillis, LiveAccount live) {
    chains.forEach(
        (id, chain) -> {
          if (isLive(chain, nowMillis)) {
            live.accept(id, chain.count, chain.lastMillis);
          }
        });
  }

  private boolean isLive(Chain chain, long nowMillis) {
    return !chain.ended && chain.lastMillis + lifetimeMillis > nowMillis;
  }

  /** Receives a live account of the replay. */
  @FunctionalInterface
  public interface LiveAccount {
    void accept(long id, long count, long lastOrderMillis);
  }
}
