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
 * <p><b>Thread safety:</b> lock-free. All accessors may be called from any thread. Its state is two
 * words, changed only by {@link AccountSupervisor}: the time of the last order, which does not go
 * back by more than racing orders' clock readings differ, and the count, whose sign bit marks the
 * account ended. An order first moves the last order forward, then adds to the count with a
 * compare-and-swap that fails once the account has ended. Ending is a compare-and-swap of the count
 * to its ended form, which an expiry makes only after reading a last order that is still due. So if
 * an order's swap comes first, the expiry's swap fails and, reading again, finds the new last
 * order; if the expiry's comes first, the order's fails and the order goes to a new account. Either
 * way no order is lost or lands on an ended account.
 */
public final class Account {
  private static final long ENDED = Long.MIN_VALUE;
  private static final VarHandle COUNT;
  private static final VarHandle LAST_ORDER_MILLIS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COUNT = lookup.findVarHandle(Account.class, "count", long.class);
      LAST_ORDER_MILLIS = lookup.findVarHandle(Account.class, "lastOrderMillis", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long id;
  private final Lifetime lifetime;

  /**
   * The directory's profile, or null while it has none. One field, so a reader sees a name and its
   * attribute from the same profile, never one from an older.
   */
  private volatile AccountProfile profile;

  /** Widgets ordered, with {@link #ENDED} set once the account has ended. Accessed via COUNT. */
  @SuppressWarnings("unused")
  private volatile long count;

  /** Accessed via LAST_ORDER_MILLIS. */
  @SuppressWarnings("unused")
  private volatile long lastOrderMillis;

  /**
   * The next account in the same expiry slot: {@link ExpiryCalendar}'s alone, set by the push that
   * files it, read by the sweep that takes it.
   */
  Account nextInSlot;

  Account(long id, long widgetsOrdered, long orderedAtMillis, Lifetime lifetime) {
    this.id = id;
    this.count = widgetsOrdered;
    this.lastOrderMillis = orderedAtMillis;
    this.lifetime = lifetime;
  }

  public long id() {
    return id;
  }

  /** The name from the {@link AccountDirectory}, or its {@linkplain #defaultName built-in name}. */
  public String name() {
    AccountProfile known = profile;
    return known == null ? defaultName(id) : known.name();
  }

  /**
   * The directory's profile, null while it has none. The same object until the directory's profile
   * changes, so a reader that copied {@link #name()} and {@link #attribute()} can tell by reference
   * whether to copy them again.
   */
  public AccountProfile profile() {
    return profile;
  }

  /** A free-form attribute from the {@link AccountDirectory} (the team); empty when it has none. */
  public String attribute() {
    AccountProfile known = profile;
    return known == null ? "" : known.attribute();
  }

  /** Widgets ordered; for an ended account, its final count. */
  public long widgetsOrdered() {
    return (long) COUNT.getVolatile(this) & ~ENDED;
  }

  public Instant lastOrderAt() {
    return Instant.ofEpochMilli(lastOrderMillis());
  }

  /** When the account ends unless it orders again: its last order plus the current lifetime. */
  public Instant expiresAt() {
    return Instant.ofEpochMilli(lastOrderMillis() + lifetime.millis());
  }

  public boolean isEnded() {
    return (long) COUNT.getVolatile(this) < 0;
  }

  /**
   * A snapshot of the account. Read without a lock: the count first, then the deadline, so an order
   * in flight can show its new deadline before its widgets, never the other way round.
   */
  public AccountDetails details() {
    long widgets = widgetsOrdered();
    AccountProfile known = profile;
    return new AccountDetails(
        id,
        known == null ? defaultName(id) : known.name(),
        known == null ? "" : known.attribute(),
        widgets,
        expiresAt());
  }

  @Override
  public String toString() {
    return "Account[id="
        + id
        + ", widgetsOrdered="
        + widgetsOrdered()
        + (isEnded() ? ", ended" : "")
        + "]";
  }

  /**
   * The name of an account the directory does not know: a company-like name that is the same for
   * the id on every wall and every start ({@link BuiltInNames}).
   */
  public static String defaultName(long id) {
    return BuiltInNames.of(requireValidId(id));
  }

  long lastOrderMillis() {
    return (long) LAST_ORDER_MILLIS.getVolatile(this);
  }

  /**
   * Adds an order made at {@code nowMillis}.
   *
   * @return false, adding nothing, if the account has ended
   * @throws ArithmeticException if the count would overflow; nothing changes
   */
  boolean tryAddOrder(long quantity, long nowMillis) {
    long current = (long) COUNT.getVolatile(this);
    if (current >= 0) {
      Math.addExact(current, quantity); // refuse before the deadline moves
    }
    // The deadline first: the count's swap below publishes it, so an expiry that then finds the
    // count unchanged has seen it. No swap needed here: racing orders all write a time of now, and
    // the later of two such writes losing by a millisecond moves no deadline that matters.
    if (lastOrderMillis() < nowMillis) {
      LAST_ORDER_MILLIS.setRelease(this, nowMillis);
    }
    for (; ; current = (long) COUNT.getVolatile(this)) {
      if (current < 0) {
        return false;
      }
      if (COUNT.compareAndSet(this, current, Math.addExact(current, quantity))) {
        return true;
      }
    }
  }

  /**
   * Sets the count, unless the account has ended.
   *
   * @return the count before, or -1 if the account has ended
   */
  long trySetCount(long widgetsOrdered) {
    for (; ; ) {
      long current = (long) COUNT.getVolatile(this);
      if (current < 0) {
        return -1;
      }
      if (COUNT.compareAndSet(this, current, widgetsOrdered)) {
        return current;
      }
    }
  }

  /**
   * Ends the account if its last order is at or before {@code horizonMillis}; with {@link
   * Long#MAX_VALUE}, ends it whatever its deadline.
   *
   * @return true if this call ended it
   */
  boolean tryEnd(long horizonMillis) {
    for (; ; ) {
      long current = (long) COUNT.getVolatile(this);
      if (current < 0 || lastOrderMillis() > horizonMillis) {
        return false;
      }
      if (COUNT.compareAndSet(this, current, current | ENDED)) {
        return true;
      }
    }
  }

  void applyProfile(AccountProfile profile) {
    this.profile = profile;
  }

  /**
   * The rule for an account id, wherever one comes in: a positive {@code long}.
   *
   * @return {@code accountId}
   * @throws IllegalArgumentException naming the value, if it is not positive
   */
  public static long requireValidId(long accountId) {
    if (accountId <= 0) {
      throw new IllegalArgumentException("accountId must be a positive integer, was " + accountId);
    }
    return accountId;
  }

  /**
   * The rule for an account id written as text, wherever one comes in (a path of the API, an
   * accounts file): canonical decimal only, from 1 to 2<sup>63</sup>-1, no sign, no leading zero,
   * no space, so that one account has one spelling.
   *
   * @return the id, or -1 if {@code text} is not one
   */
  public static long parseId(String text) {
    boolean canonical =
        !text.isEmpty() && text.length() <= 19 && text.charAt(0) >= '1' && text.charAt(0) <= '9';
    for (int i = 1; canonical && i < text.length(); i++) {
      canonical = text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
    if (canonical) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // 19 digits over 2^63-1
      }
    }
    return -1;
  }

  static long requireValidQuantity(long quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be a positive integer, was " + quantity);
    }
    return quantity;
  }
}
