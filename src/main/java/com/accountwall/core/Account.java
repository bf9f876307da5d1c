package com.accountwall.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/**
 * One live customer account: the seed's {@code Account} process, as an object.
 *
 * <p>An account is created by its first order and lives while orders keep coming: each order adds
 * to {@link #widgetsOrdered()} and moves {@link #expiresAt()} to the order's time plus the
 * supervisor's lifetime. Once it has {@linkplain #isEnded() ended} it never changes again; a later
 * order for the same id starts a new account.
 *
 * <p><b>Thread safety:</b> readers may call any accessor from any thread without locking and see
 * recent values; {@link #details()} reads them all consistently. All mutation happens inside
 * {@link AccountSupervisor} while holding this object's monitor, which is what makes an order and
 * the account's expiry mutually exclusive. The two fields every order writes are published with
 * release stores and read with acquire loads rather than being volatile: the monitor already
 * orders the writers, and a release store costs an order no fence.
 */
public final class Account {
  private static final VarHandle WIDGETS_ORDERED;
  private static final VarHandle LAST_ORDER_MILLIS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      WIDGETS_ORDERED = lookup.findVarHandle(Account.class, "widgetsOrdered", long.class);
      LAST_ORDER_MILLIS = lookup.findVarHandle(Account.class, "lastOrderMillis", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long id;
  private final Lifetime lifetime;

  private volatile String name;
  private volatile String attribute = "";
  private long widgetsOrdered; // written under the monitor with setRelease, read with getAcquire
  private long lastOrderMillis; // likewise
  private volatile boolean ended;

  /** The next account in the same expiry slot; guarded by the {@link ExpiryCalendar}'s lock. */
  Account nextInSlot;

  Account(long id, long widgetsOrdered, long orderedAtMillis, Lifetime lifetime) {
    this.id = id;
    this.widgetsOrdered = widgetsOrdered;
    this.lastOrderMillis = orderedAtMillis;
    this.lifetime = lifetime;
  }

  public long id() {
    return id;
  }

  /** The name from the {@link AccountDirectory}, or "Account &lt;id&gt;" when it has none. */
  public String name() {
    String n = name;
    return (n == null) ? defaultName(id) : n;
  }

  /** A free-form attribute from the {@link AccountDirectory}; empty when it has none. */
  public String attribute() {
    return attribute;
  }

  public long widgetsOrdered() {
    return (long) WIDGETS_ORDERED.getAcquire(this);
  }

  public Instant lastOrderAt() {
    return Instant.ofEpochMilli(lastOrderMillis());
  }

  /** When the account ends unless it orders again: its last order plus the current lifetime. */
  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAtMillis());
  }

  public boolean isEnded() {
    return ended;
  }

  static String defaultName(long id) {
    return "Account " + id;
  }

  long lastOrderMillis() {
    return (long) LAST_ORDER_MILLIS.getAcquire(this);
  }

  long expiresAtMillis() {
    return lastOrderMillis() + lifetime.millis();
  }

  /** A consistent snapshot: taken under this account's monitor, so between orders. */
  public synchronized AccountDetails details() {
    return new AccountDetails(id, name(), attribute, widgetsOrdered, expiresAt());
  }

  // The mutators below are called with this account's monitor held.

  void addOrder(long quantity, long nowMillis) {
    WIDGETS_ORDERED.setRelease(this, Math.addExact(widgetsOrdered, quantity));
    // A clock that steps back must not pull a deadline in.
    LAST_ORDER_MILLIS.setRelease(this, Math.max(lastOrderMillis, nowMillis));
  }

  void applyProfile(AccountProfile profile) {
    name = profile.name();
    attribute = profile.attribute();
  }

  void markEnded() {
    ended = true;
  }

  @Override
  public String toString() {
    return "Account[id=" + id + ", widgetsOrdered=" + widgetsOrdered + (ended ? ", ended" : "") + "]";
  }

  static long requireValidId(long accountId) {
    if (accountId <= 0) {
      throw new IllegalArgumentException("accountId must be a positive integer, was " + accountId);
    }
    return accountId;
  }

  static long requireValidQuantity(long quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be a positive integer, was " + quantity);
    }
    return quantity;
  }
}
