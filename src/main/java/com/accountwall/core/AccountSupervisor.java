package com.accountwall.core;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Creates, finds, feeds and ends the live accounts: the seed's {@code AccountSupervisor} and the
 * client side of its {@code Account} process in one place.
 *
 * <p>Every account id is a positive {@code long}; an operation given another id, or an order a
 * quantity that is not positive, throws {@link IllegalArgumentException} naming the value and
 * changes nothing.
 *
 * <p><b>Thread safety:</b> all methods may be called from any number of threads, and an order takes
 * no lock: {@link Account} explains how an order and an ending exclude each other with two
 * compare-and-swaps. A new account is announced inside the registry's {@code computeIfAbsent}, so
 * exactly one caller creates it and no one can order on it before {@code accountCreated} is out. An
 * ending is announced before the account leaves the registry, so a new account with the same id is
 * announced after it; an order that meets an ending account waits the moment that takes and then
 * goes to a fresh one, so no order lands on an account that is gone.
 *
 * <p>Time comes from the injected {@link Clock}. Accounts end only when {@link #expireDue()} runs,
 * which an {@link ExpiryTicker} does a few times a second, and a test does after moving its clock.
 */
public final class AccountSupervisor implements AccountDesk {
  private static final System.Logger LOG = System.getLogger(AccountSupervisor.class.getName());

  /** The seed's {@code @process_lifetime_ms}. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private final AccountRegistry registry = new AccountRegistry();
  private final ExpiryCalendar calendar = new ExpiryCalendar();
  private final Listeners listeners = new Listeners();
  private final LongAdder widgetsOfLiveAccounts = new LongAdder();
  private final Lifetime lifetime;
  private final Clock clock;
  private final ProfileLookups profiles;

  private AccountSupervisor(Builder builder) {
    this.lifetime = new Lifetime(builder.lifetime);
    this.clock = builder.clock;
    this.profiles =
        new ProfileLookups(
            builder.directory,
            builder.enrichment,
            account -> listeners.fire(AccountListener::accountChanged, account));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The registry of live accounts, for the core's own lookups and tests; others ask the supervisor.
   */
  AccountRegistry registry() {
    return registry;
  }

  /**
   * Returns the live account with this id, creating it if there is none; creating it counts as its
   * first order. Any number of threads racing on one new id get the same account.
   */
  public Account findOrCreate(long accountId) {
    Account.requireValidId(accountId);
    Account live = registry.get(accountId);
    if (live != null && !live.isEnded()) {
      return live;
    }
    long now = clock.millis();
    Account fresh = new Account(accountId, 1, now, lifetime);
    Account holder = publish(fresh);
    if (holder == fresh) {
      listeners.fireOrdered(fresh, 1, now);
    }
    return holder;
  }

  /** Creates the account unless one with this id is live, in which case says so. */
  public CreateResult create(long accountId) {
    Account.requireValidId(accountId);
    long now = clock.millis();
    Account fresh = new Account(accountId, 1, now, lifetime);
    Account holder = publish(fresh);
    if (holder == fresh) {
      listeners.fireOrdered(fresh, 1, now);
    }
    return new CreateResult(holder, holder == fresh);
  }

  /** One widget for {@code accountId}: the seed's {@code Account.order_widget/1}. */
  public Account orderWidget(long accountId) {
    return order(accountId, 1);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first order for an id creates the account with {@code quantity} widgets; a later one
   * adds them and moves the account's deadline to now plus the lifetime.
   *
   * @throws ArithmeticException if the account's count would overflow; nothing changes
   */
  @Override
  public Account order(long accountId, long quantity) {
    return apply(accountId, quantity, clock.millis(), false);
  }

  /**
   * Applies an order made at {@code atMillis} on some wall, as read from a shared order log: the
   * order's own time, not the moment it was read, moves the deadline, so every wall that applies
   * the same orders ends up with the same deadlines. If the live account's deadline had already
   * passed at {@code atMillis}, that account ends (as its expiry would have ended it) and the order
   * starts a new one, so the outcome does not depend on when this wall's expiry ran.
   *
   * @return the live account the order landed on
   * @throws IllegalArgumentException if {@code accountId} or {@code quantity} is not positive
   * @throws ArithmeticException if the account's count would overflow; nothing changes
   */
  public Account orderAt(long accountId, long quantity, long atMillis) {
    return apply(accountId, quantity, atMillis, true);
  }

  /**
   * Adds an order made at {@code atMillis}, creating the account if none is live. With {@code
   * endIfDue}, a live account whose deadline had passed by then ends first; without, the order
   * extends it if its expiry has not run yet, as a local order always has.
   */
  private Account apply(long accountId, long quantity, long atMillis, boolean endIfDue) {
    Account.requireValidId(accountId);
    Account.requireValidQuantity(quantity);
    for (; ; ) {
      Account account = registry.get(accountId);
      if (account == null) {
        Account fresh = new Account(accountId, quantity, atMillis, lifetime);
        account = publish(fresh);
        if (account == fresh) {
          listeners.fireOrdered(fresh, quantity, atMillis);
          return fresh;
        }
      }
      if (endIfDue && account.tryEnd(atMillis - lifetime.millis())) {
        announceEnd(account);
        continue;
      }
      if (account.tryAddOrder(quantity, atMillis)) {
        widgetsOfLiveAccounts.add(quantity);
        listeners.fire(AccountListener::accountChanged, account);
        listeners.fireOrdered(account, quantity, atMillis);
        return account;
      }
      Thread.onSpinWait(); // it is ending: its end is being announced, then it leaves the registry
    }
  }

  /**
   * Puts back an account as it was stored before a restart: with its widget count and its last
   * order, so its deadline is where it was. Announced as a creation; not counted as an order.
   *
   * @return false, changing nothing, if the account's deadline has passed or the id is live
   * @throws IllegalArgumentException if the id or the count is not positive
   */
  public boolean restore(long accountId, long widgetsOrdered, Instant lastOrderAt) {
    try (Restoring restoring = restoring()) {
      return restoring.restore(accountId, widgetsOrdered, lastOrderAt);
    }
  }

  /**
   * Starts putting back many accounts at once, as a start or a re-projection does: each {@link
   * Restoring#restore} is a {@link #restore}, but their profiles are looked up together once it
   * closes, not one lookup queued per account.
   */
  public Restoring restoring() {
    return new Restoring();
  }

  /**
   * Sets a live account's count to what its history says, in place: for a projection that has
   * recomputed the account under another lifetime and is the only one adding orders to it (an order
   * added by another thread meanwhile may be overwritten). The account keeps its name and its place
   * on the wall, which is told of the change as of an order.
   *
   * @return false, changing nothing, if the account is not live or its last order is not {@code
   *     lastOrderAt}: then it must be ended and put back instead
   * @throws IllegalArgumentException if the id or the count is not positive
   */
  public boolean correct(long accountId, long widgetsOrdered, Instant lastOrderAt) {
    Account.requireValidId(accountId);
    requirePositiveCount(widgetsOrdered);
    Account account = registry.get(accountId);
    if (account == null || account.lastOrderMillis() != lastOrderAt.toEpochMilli()) {
      return false;
    }
    long before = account.trySetCount(widgetsOrdered);
    if (before < 0) {
      return false;
    }
    widgetsOfLiveAccounts.add(widgetsOrdered - before);
    listeners.fire(AccountListener::accountChanged, account);
    return true;
  }

  private static void requirePositiveCount(long widgetsOrdered) {
    if (widgetsOrdered <= 0) {
      throw new IllegalArgumentException("widgetsOrdered must be positive, was " + widgetsOrdered);
    }
  }

  /**
   * Accounts being put back together, their profiles looked up when it closes.
   *
   * <p><b>Thread safety:</b> one thread's; the accounts it puts back are live for all at once.
   */
  public final class Restoring implements AutoCloseable {
    private final List<Account> restored = new ArrayList<>();

    private Restoring() {}

    /** As {@link AccountSupervisor#restore}. */
    public boolean restore(long accountId, long widgetsOrdered, Instant lastOrderAt) {
      Account.requireValidId(accountId);
      requirePositiveCount(widgetsOrdered);
      long lastOrderMillis = lastOrderAt.toEpochMilli();
      if (lastOrderMillis + lifetime.millis() <= clock.millis()) {
        return false;
      }
      Account fresh = new Account(accountId, widgetsOrdered, lastOrderMillis, lifetime);
      if (publishUnnamed(fresh) != fresh) {
        return false;
      }
      restored.add(fresh);
      return true;
    }

    /** Has the profiles of the accounts it put back looked up. */
    @Override
    public void close() {
      profiles.lookUpAll(restored);
    }
  }

  /**
   * Shows a profile just stored in the directory on the live account with this id, if one is live:
   * at once, told to the listeners as a change, and once more as the directory then gives it. Call
   * it only once the profile is committed where the directory reads. An id with no live account
   * changes nothing here: its next account reads the profile from the directory when it starts.
   *
   * <p>Why twice: a lookup that read the directory just before the profile was stored may apply the
   * old profile after this call's. The second lookup is queued behind it ({@link ProfileLookups}
   * runs one drain at a time, in the order accounts were queued) and reads the committed profile,
   * so the directory has the last word; meanwhile the account showed the new name from the start.
   *
   * @throws IllegalArgumentException if the id is not positive
   */
  public void profileStored(long accountId, AccountProfile profile) {
    Objects.requireNonNull(profile, "profile");
    Account account = registry.get(Account.requireValidId(accountId));
    if (account == null || account.isEnded()) {
      return;
    }
    account.applyProfile(profile);
    listeners.fire(AccountListener::accountChanged, account);
    profiles.lookUp(account);
  }

  /** Whether an account with this id is live. */
  public boolean exists(long accountId) {
    return registry.exists(Account.requireValidId(accountId));
  }

  /** The number of live accounts. */
  public int count() {
    return registry.count();
  }

  /** The ids of the live accounts, ascending. */
  public long[] ids() {
    return registry.ids();
  }

  /**
   * Widgets ordered per live account, sorted by account id: the seed's listing for the UI. The list
   * is unmodifiable and a snapshot: later orders do not change it.
   */
  public List<WidgetsOrdered> allWidgetsOrdered() {
    WidgetsById.Reader reader = new WidgetsById.Reader(registry.count());
    registry.forEach(reader);
    return reader.sorted();
  }

  /** The live accounts, read-only; later orders and endings do not change the list. */
  public List<Account> accounts() {
    return registry.accounts();
  }

  /** The widgets ordered by all live accounts together. */
  public long totalWidgetsOrdered() {
    return widgetsOfLiveAccounts.sum();
  }

  /**
   * A snapshot of the live account with this id ({@link Account#details()}): the seed's {@code
   * details/1}.
   */
  public Optional<AccountDetails> details(long accountId) {
    Account account = registry.get(Account.requireValidId(accountId));
    return account == null || account.isEnded() ? Optional.empty() : Optional.of(account.details());
  }

  /** The live account with this id, if any: the seed's {@code whereis/1}. */
  public Optional<Account> whereis(long accountId) {
    return registry.whereis(Account.requireValidId(accountId));
  }

  /**
   * Ends the live account with this id now, as if its lifetime had passed.
   *
   * @return whether an account was live and has now ended
   */
  @Override
  public boolean end(long accountId) {
    Account account = registry.get(Account.requireValidId(accountId));
    if (account == null || !account.tryEnd(Long.MAX_VALUE)) {
      return false;
    }
    announceEnd(account);
    return true;
  }

  public Duration lifetime() {
    return lifetime.get();
  }

  /**
   * Sets how long an account lives after its last order. It applies to every live account at once:
   * each one's deadline becomes its last order plus the new lifetime.
   */
  public void setLifetime(Duration newLifetime) {
    lifetime.set(Objects.requireNonNull(newLifetime, "lifetime"));
  }

  /**
   * Ends every account whose deadline has passed, announcing each.
   *
   * @return how many accounts ended
   */
  public int expireDue() {
    long now = clock.millis();
    long horizon = now - lifetime.millis();
    int[] ended = {0};
    calendar.takeDue(
        horizon,
        account -> {
          if (expireOrRefile(account, horizon)) {
            ended[0]++;
          }
        });
    return ended[0];
  }

  public void addListener(AccountListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(AccountListener listener) {
    listeners.remove(listener);
  }

  private boolean expireOrRefile(Account account, long horizon) {
    if (account.tryEnd(horizon)) {
      announceEnd(account);
      return true;
    }
    if (!account.isEnded()) {
      calendar.add(account); // it ordered since it was filed: file it under its newer order
    }
    return false;
  }

  /**
   * Makes {@code fresh} the account of its id unless a live one holds it, and returns the holder:
   * {@code fresh} if it was published, the live account otherwise, never an ended one.
   */
  private Account publish(Account fresh) {
    Account holder = publishUnnamed(fresh);
    if (holder == fresh) {
      profiles.lookUp(fresh);
    }
    return holder;
  }

  /** As {@link #publish}, leaving the profile lookup of a published account to the caller. */
  private Account publishUnnamed(Account fresh) {
    for (; ; ) {
      Account holder = registry.computeIfAbsent(fresh.id(), id -> announceCreation(fresh));
      if (holder == fresh) {
        LOG.log(Level.DEBUG, "account created: {0}", fresh.id());
        return fresh;
      }
      if (!holder.isEnded()) {
        return holder;
      }
      Thread.onSpinWait(); // it is ending: its end is being announced, then it leaves the registry
    }
  }

  /** Runs inside the registry's computeIfAbsent: no other thread can see the account yet. */
  private Account announceCreation(Account fresh) {
    calendar.add(fresh);
    widgetsOfLiveAccounts.add(fresh.widgetsOrdered());
    listeners.fire(AccountListener::accountCreated, fresh);
    return fresh;
  }

  /** For the caller whose swap ended the account: announce it, then let the id go. */
  private void announceEnd(Account account) {
    widgetsOfLiveAccounts.add(-account.widgetsOrdered());
    listeners.fire(AccountListener::accountEnded, account);
    registry.remove(account);
    LOG.log(Level.DEBUG, "account ended: {0}", account.id());
  }

  /** Configures an {@link AccountSupervisor}; every setting has a default. */
  public static final class Builder {
    private Duration lifetime = DEFAULT_LIFETIME;
    private Clock clock = Clock.systemUTC();
    private AccountDirectory directory = AccountDirectory.NONE;
    private Executor enrichment = Runnable::run;

    private Builder() {}

    /** How long an account lives after its last order; 24 hours by default. */
    public Builder lifetime(Duration lifetime) {
      this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
      return this;
    }

    /** The source of time; tests pass a clock they move by hand. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where names and attributes come from; by default nowhere. */
    public Builder directory(AccountDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Where directory lookups run. By default on the thread that created the account, after the
     * account is live; pass a pool when the directory is slow.
     */
    public Builder enrichmentExecutor(Executor executor) {
      this.enrichment = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public AccountSupervisor build() {
      return new AccountSupervisor(this);
    }
  }
}
