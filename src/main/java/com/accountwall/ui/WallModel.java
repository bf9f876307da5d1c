package com.accountwall.ui;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.core.Account;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.day.WallDay;
import com.accountwall.display.DisplayChange;
import com.accountwall.display.DisplayState;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Reprojection;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.burnin.PixelShift;
import com.accountwall.ui.celebrate.CelebrationModel;
import com.accountwall.ui.controls.ApiTokenModel;
import com.accountwall.ui.controls.ControlsModel;
import com.accountwall.ui.details.DetailsModel;
import com.accountwall.ui.figures.FiguresModel;
import com.accountwall.ui.figures.GoalModel;
import com.accountwall.ui.figures.OrderTally;
import com.accountwall.ui.figures.TeamTotals;
import com.accountwall.ui.figures.TodayModel;
import com.accountwall.ui.kiosk.Pager;
import com.accountwall.ui.leaderboard.Leaderboard;
import com.accountwall.ui.sleep.SleepModel;
import com.accountwall.ui.stale.StaleModel;
import com.accountwall.ui.table.TableModel;
import com.accountwall.ui.text.Texts;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's model, kept in step with an {@link AccountSupervisor}: one model per room of the
 * window ({@link TableModel}, {@link FiguresModel}, {@link Leaderboard}, {@link Pager}, {@link
 * ControlsModel}, {@link StaleModel}, {@link SleepModel}, {@link CelebrationModel}, {@link
 * DetailsModel}), plus what belongs to the whole window: the theme, kiosk mode, the {@link
 * PixelShift} against burn-in and what the status bar says. Built by {@link #builder}; shown by
 * {@link WallView}.
 *
 * <p>What the window shows and how (the theme, kiosk mode, paging, the goal, the schedule, the
 * simulated orders and the lifetime) is the {@link DisplayState}'s, which the API changes too: a
 * change in the window goes to it, and each frame, before anything else, shows what it holds if
 * that changed, so a change from another thread shows within a frame and no other thread touches a
 * node.
 *
 * <p>Core threads only note which accounts changed or ended ({@link PendingAccounts}), so a burst
 * of orders for one account costs one update. Once per frame (an {@link AnimationTimer}) the JavaFX
 * thread takes both sets and hands them to the table's model as one batch, with how many orders the
 * core announced since the last one to the figures, so they need no pass over the accounts. No
 * {@code Platform.runLater} per order. Other parts that move with the frames, such as kiosk mode,
 * join through {@link #addFrameListener}.
 *
 * <p>Today's figures ({@link TodayModel}) come from the order history, asked on the desk's executor
 * as the window starts, once more when the minute it opened in is whole (orders of that minute
 * before the window listened are in the history by then), and at each day start; in between, the
 * orders the core announces ({@link #accountOrdered}) are summed in two adders and handed over with
 * each frame, so no frame asks the history.
 *
 * <p>The stale banner hears of orders from the same batch: the latest last order among the accounts
 * that changed, whatever sent them (the API, the generator, the window, another wall's log). Not
 * from the count of announcements, since a name looked up, an account put back from the history or
 * corrected by a re-projection is announced as a change too without being an order; an account put
 * back says when its last order was, which is when the wall's data was last fresh.
 *
 * <p>The window shows all teams or one ({@link WallSettings#team()}): the table and the Top 10 its
 * rows, and the figures its accounts. Live accounts and widgets sold then come from the teams'
 * running totals ({@link TeamTotals}), and orders, per minute and today, from the orders the core
 * announces for an account of that team, counted on the core's threads into a tally of the team's
 * own, made afresh when another team is chosen, so an order counts for the team shown when it was
 * made. The order history keeps no teams, so a team's figures count from when it was chosen (the
 * today tile says since when), and an order made before the directory named its account's team
 * counts for no team's rates (its widgets move to the team with the account). The daily goal stays
 * the whole floor's: it is the floor's target, and its tile says so while one team shows.
 *
 * <p>Celebrations ({@link CelebrationModel}) hear each order the core announces, from its thread,
 * and each frame whether today's goal is reached; a goal the history says was reached before the
 * wall counted it is not celebrated.
 *
 * <p>Outside its schedule the window sleeps ({@link SleepModel}), but the model goes on as ever:
 * every frame takes the core's changes, so the figures count each order in its minute (their
 * sparkline and change against an hour ago stay true), the stale banner knows the last order, and
 * the window is current the moment it wakes; only the window is covered and not drawn. Each frame
 * tells the sleep model and the pixel shift the clock's time; both change only when it matters.
 *
 * <p>The details card ({@link DetailsModel}) reads its account from the core each frame and asks
 * the order history of it on the desk's executor as it opens; it stays shut in kiosk mode and while
 * the window sleeps. The API's token in the controls ({@link ApiTokenModel}) hears the clock's time
 * from each frame too, by which a token shown whole is masked again.
 *
 * <p>Each frame also reads the lifetime in force, which the journal sets once it has projected its
 * history under a new one; a few times a second whether a re-projection is under way, for the
 * status bar; and once a second what keeps the wall from acknowledging orders. All three are cheap
 * reads.
 *
 * <p>Confined to the JavaFX thread, but for {@link AccountListener}'s methods, which any thread may
 * call.
 */
public final class WallModel implements AccountListener {
  private static final System.Logger LOG = System.getLogger(WallModel.class.getName());
  private static final long PROBLEMS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long REPROJECTION_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /** How far back the figures' history goes: the sparkline's hour. */
  private static final Duration SEEDED_HISTORY = Duration.ofHours(1);

  private final AccountSupervisor supervisor;
  private final Clock clock;
  private final OrderGenerator generator;
  private final ApiEndpoint api;
  private final DisplayState display;
  private final Executor deskCalls;
  private final Supplier<Optional<Reprojection>> reprojections;
  private final History history;
  private final Supplier<List<String>> journalProblems;
  private final Texts texts;

  // Written by core threads, taken by the JavaFX thread.
  private final PendingAccounts changed = new PendingAccounts();
  private final PendingAccounts ended = new PendingAccounts();
  private final LongAdder ordersSinceBatch = new LongAdder();
  private final OrderTally orderedForToday = new OrderTally();

  /** The team shown and its orders, counted on the core's threads; null for all teams. */
  private volatile ShownTeam shownTeam;

  /** One team's orders since it was chosen: per minute for today, and in all for the rates. */
  private record ShownTeam(String name, OrderTally tally, LongAdder orders) {
    ShownTeam(String name) {
      this(name, new OrderTally(), new LongAdder());
    }
  }

  // Confined to the JavaFX thread.
  private final TableModel table;
  private final FiguresModel figures;
  private final TodayModel today;
  private final GoalModel goal;
  private final WallDay day;
  private final TeamTotals teams = new TeamTotals();
  private final ReadOnlyStringWrapper team = new ReadOnlyStringWrapper(this, "team");
  private final ReadOnlyObjectWrapper<TodayModel> shownToday =
      new ReadOnlyObjectWrapper<>(this, "shownToday");
  private int figuresGeneration; // moves with each team chosen: a seed asked before is no use
  private Instant todaySeededAt;
  private boolean todaySettled;
  private final Leaderboard leaderboard = new Leaderboard();
  private final Pager pager = new Pager();
  private final ControlsModel controls;
  private final StaleModel stale;
  private final CelebrationModel celebrations;
  private final SleepModel sleep;
  private final DetailsModel details;
  private final PixelShift shift;
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
  private final BooleanProperty kiosk = new SimpleBooleanProperty(this, "kiosk");
  private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
  private final ReadOnlyStringWrapper reprojection =
      new ReadOnlyStringWrapper(this, "reprojection", "");
  private final List<LongConsumer> frameListeners = new ArrayList<>();
  private WallSettings shownSettings; // the display's settings the window last showed
  private boolean showingSettings; // while it shows them, which is no change to the display
  private long nextProblemsCheck;
  private long nextReprojectionCheck;
  private boolean checked;

  private final AnimationTimer frames =
      new AnimationTimer() {
        @Override
        public void handle(long frameNanos) {
          onFrame(frameNanos);
        }
      };

  private WallModel(Builder setup) {
    supervisor = setup.supervisor;
    clock = setup.clock;
    generator = setup.generator;
    api = setup.api;
    deskCalls = setup.deskCalls;
    reprojections = setup.reprojection;
    history = setup.history;
    journalProblems = setup.problems;
    texts = setup.texts;
    display = setup.display();
    WallSettings settings = display.settings();
    figures = new FiguresModel(setup.widgetsAtStart());
    day = setup.day();
    today = new TodayModel(day, clock.instant());
    shownToday.set(today);
    goal = new GoalModel(today);
    stale = new StaleModel(setup.staleAfter, day.zone(), clock.instant(), texts);
    celebrations = new CelebrationModel(setup.bigOrder, day.zone(), texts);
    sleep = new SleepModel(settings.schedule(), day.zone(), texts);
    shift = setup.burnInShift ? PixelShift.from(clock.instant()) : PixelShift.off();
    // Asleep from the start when started outside the schedule, without a frame of the wall first.
    sleep.onFrame(clock.instant());
    showSettings(settings);
    pager.runningProperty().bind(kiosk);
    supervisor.addListener(this);
    // Accounts that were live before the window, such as those restored on start, arrive as
    // changes.
    List<Account> earlier = supervisor.accounts();
    changed.noteAll(earlier);
    table = new TableModel(clock.instant(), supervisor.lifetime(), earlier);
    table.setBigOrder(setup.bigOrder);
    table.addRowListener(figures);
    table.addRowListener(leaderboard);
    table.addEveryRowListener(teams);
    showTeam(settings.team());
    figures.lifetimeProperty().bind(table.lifetimeProperty());
    details =
        new DetailsModel(
            supervisor::whereis, setup.accountHistory, deskCalls, day.zone(), clock.instant());
    details.suppressedProperty().bind(kiosk.or(sleep.asleepProperty()));
    controls =
        new ControlsModel(
            setup.desk,
            setup.deskCalls,
            display,
            theme,
            kiosk,
            goal.goalProperty(),
            teams.getTeamsSeen(),
            new ApiTokenModel(api, kiosk, texts, clock.instant()),
            texts);
    theme.addListener(
        (observable, before, now) -> changeDisplay(DisplayChange.builder().theme(now)));
    kiosk.addListener(
        (observable, before, now) -> changeDisplay(DisplayChange.builder().kiosk(now)));
    goal.goalProperty()
        .addListener(
            (observable, before, now) ->
                changeDisplay(
                    now.longValue() == WallSettings.NO_GOAL
                        ? DisplayChange.builder().noGoal()
                        : DisplayChange.builder().goal(now.longValue())));
  }

  /**
   * A builder of the window's model over {@code supervisor}, whose clock is {@code clock}, with
   * {@code generator}'s simulated orders. Everything else has a default fit for a test: orders and
   * endings on the supervisor itself, on the calling thread; a lifetime change applied to the
   * supervisor at once; no history, no problems, no API; English.
   */
  public static Builder builder(
      AccountSupervisor supervisor, Clock clock, OrderGenerator generator) {
    return new Builder(supervisor, clock, generator);
  }

  /**
   * Starts following the core once per frame, and fills the figures' last hour in from the history.
   */
  public void start() {
    seedFigures();
    seedToday();
    frames.start();
  }

  public void stop() {
    frames.stop();
    supervisor.removeListener(this);
  }

  public TableModel table() {
    return table;
  }

  public FiguresModel figures() {
    return figures;
  }

  /** Today's orders and widgets, and yesterday's by this time. */
  public TodayModel today() {
    return today;
  }

  /** The daily goal and the pace towards it. */
  public GoalModel goal() {
    return goal;
  }

  /** The live accounts and their widgets per team, whichever team is shown. */
  public TeamTotals teams() {
    return teams;
  }

  /** The team shown; null for all teams. */
  public ReadOnlyStringProperty teamProperty() {
    return team.getReadOnlyProperty();
  }

  /**
   * Today's figures of what is shown: the whole floor's ({@link #today()}) for all teams, or the
   * team's, counted from when it was chosen.
   */
  public ReadOnlyObjectProperty<TodayModel> shownTodayProperty() {
    return shownToday.getReadOnlyProperty();
  }

  public Leaderboard leaderboard() {
    return leaderboard;
  }

  /** Pages of rows, turned while in kiosk mode. */
  public Pager pager() {
    return pager;
  }

  public ControlsModel controls() {
    return controls;
  }

  /** The window's words, and how it writes numbers and times, in the wall's locale. */
  public Texts texts() {
    return texts;
  }

  /** Whether the wall's data may be stale, for the banner across its top. */
  public StaleModel stale() {
    return stale;
  }

  /** Big orders, new accounts and the goal reached, for the banner and the list of recent ones. */
  public CelebrationModel celebrations() {
    return celebrations;
  }

  /** Whether the window sleeps outside its schedule, and the clock it shows while it does. */
  public SleepModel sleep() {
    return sleep;
  }

  /** The card of one account, opened from the table. */
  public DetailsModel details() {
    return details;
  }

  /** Where the whole window stands against burn-in. */
  public PixelShift shift() {
    return shift;
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public BooleanProperty kioskProperty() {
    return kiosk;
  }

  /**
   * Where the order API answers and which tokens it takes (the controls' {@link ApiTokenModel}
   * shows them); null when there is none.
   */
  public ApiEndpoint api() {
    return api;
  }

  /** Simulated orders per second, as the generator has them. */
  public double rate() {
    return generator.rate();
  }

  /**
   * What keeps the wall from acknowledging orders, as the health check says it; empty while nothing
   * does.
   */
  public ReadOnlyStringProperty problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  /**
   * How far the journal has come projecting its history under a new lifetime; empty while it is
   * not.
   */
  public ReadOnlyStringProperty reprojectionProperty() {
    return reprojection.getReadOnlyProperty();
  }

  /** The lifetime in force: as the journal last applied it to the accounts. */
  public ReadOnlyObjectProperty<Duration> lifetimeProperty() {
    return table.lifetimeProperty();
  }

  /** Calls {@code listener} with each frame's time (ns), after the rows and figures are updated. */
  public void addFrameListener(LongConsumer listener) {
    frameListeners.add(listener);
  }

  @Override
  public void accountCreated(Account account) {
    ordersSinceBatch.increment(); // an account is created by its first order
    changed.note(account);
  }

  @Override
  public void accountChanged(Account account) {
    ordersSinceBatch.increment();
    changed.note(account);
  }

  @Override
  public void accountOrdered(Account account, long quantity, long atMillis) {
    orderedForToday.add(atMillis, quantity);
    ShownTeam shown = shownTeam;
    if (shown != null && shown.name().equals(account.attribute())) {
      shown.tally().add(atMillis, quantity);
      shown.orders().increment();
    }
    celebrations.ordered(account, quantity);
  }

  @Override
  public void accountEnded(Account account) {
    ended.note(account);
  }

  /**
   * One frame: shows what the display's state changed to and what the core did since the last one,
   * and advances the animations.
   */
  void onFrame(long frameNanos) {
    WallSettings settings = display.settings();
    if (settings != shownSettings) {
      showSettings(settings);
    }
    Instant instant = clock.instant();
    sleep.onFrame(instant);
    shift.onFrame(instant);
    table.setLifetime(supervisor.lifetime());
    if (!changed.isEmpty() || !ended.isEmpty()) {
      long orders = ordersSinceBatch.sumThenReset();
      List<Account> changedNow = changed.take();
      noteLastOrder(changedNow);
      table.apply(changedNow, ended.take(), frameNanos);
      showTotals();
      if (orders > 0 && shownTeam == null) {
        figures.ordered(orders, instant);
      }
    }
    ShownTeam shown = shownTeam;
    if (shown != null) {
      long orders = shown.orders().sumThenReset();
      if (orders > 0) {
        figures.ordered(orders, instant);
      }
    }
    teams.onFrame();
    table.advance(frameNanos, instant);
    figures.onFrame(frameNanos, instant);
    followToday(instant);
    if (goal.reachedProperty().get()) {
      celebrations.goalReached(today.dayStartProperty().get(), goal.goalProperty().get(), instant);
    }
    celebrations.onFrame(instant);
    details.onFrame(instant);
    controls.token().onFrame(instant);
    leaderboard.onFrame(table.getRows(), frameNanos);
    pager.onFrame(frameNanos);
    checkJournal(frameNanos, instant);
    stale.onFrame(instant);
    frameListeners.forEach(listener -> listener.accept(frameNanos));
    table.runBatchHook(frameNanos);
  }

  /** Reads the journal's problems once a second and its re-projection a few times a second. */
  private void checkJournal(long frameNanos, Instant instant) {
    if (!checked || frameNanos - nextReprojectionCheck >= 0) {
      nextReprojectionCheck = frameNanos + REPROJECTION_EVERY_NANOS;
      reprojection.set(
          reprojections
              .get()
              .map(
                  under ->
                      texts.text(
                          "status.reprojection",
                          texts.duration(under.lifetime()),
                          texts.count(Math.round(under.fraction() * 100))))
              .orElse(""));
    }
    if (!checked || frameNanos - nextProblemsCheck >= 0) {
      nextProblemsCheck = frameNanos + PROBLEMS_EVERY_NANOS;
      List<String> now = journalProblems.get();
      problems.set(now.isEmpty() ? "" : "\u26a0 " + String.join("  \u00b7  ", now));
      stale.problems(now, instant);
    }
    checked = true;
  }

  /**
   * Asks the history, on the desk's executor, for the orders of each whole minute of the hour
   * before now and hands them to the figures on the JavaFX thread. A history that cannot be read
   * leaves the figures to start from nothing, as they would without one.
   */
  void seedFigures() {
    if (shownTeam != null) {
      return; // the history keeps no teams
    }
    int generation = figuresGeneration;
    Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant from = to.minus(SEEDED_HISTORY);
    deskCalls.execute(
        () -> {
          List<HistoryStep> steps;
          try {
            steps = history.history(from, to, Duration.ofMinutes(1));
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "the figures start from nothing: cannot read the order history ({0})",
                e.getMessage());
            return;
          }
          Runnable seed =
              () -> {
                if (generation == figuresGeneration) { // no team chosen since it was asked
                  figures.seed(steps);
                }
              };
          if (Platform.isFxApplicationThread()) {
            seed.run();
          } else {
            Platform.runLater(seed);
          }
        });
  }

  /**
   * Hands today's figures the orders announced since the last frame, and asks the history again at
   * a day start and once the minute the window opened in is whole.
   */
  private void followToday(Instant instant) {
    boolean newDay = today.onFrame(instant, orderedForToday.drain(instant));
    ShownTeam shown = shownTeam;
    if (shown != null) {
      shownToday.get().onFrame(instant, shown.tally().drain(instant));
    }
    goal.onFrame();
    if (newDay) {
      seedToday();
    } else if (!todaySettled
        && todaySeededAt != null
        && instant.truncatedTo(ChronoUnit.MINUTES).isAfter(todaySeededAt)) {
      todaySettled = true;
      seedToday();
    }
  }

  /**
   * Asks the history, on the desk's executor, for each whole minute from yesterday's start to now's
   * minute, and hands them to today's figures on the JavaFX thread, which count live orders from
   * that minute on. A history that cannot be read leaves them as they are.
   */
  void seedToday() {
    Instant cutoff = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant from = today.historyFrom();
    todaySeededAt = cutoff;
    if (!from.isBefore(cutoff)) {
      return;
    }
    deskCalls.execute(
        () -> {
          List<HistoryStep> steps;
          try {
            steps = history.history(from, cutoff, Duration.ofMinutes(1));
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "today's figures count from now: cannot read the order history ({0})",
                e.getMessage());
            return;
          }
          if (Platform.isFxApplicationThread()) {
            seedToday(cutoff, steps);
          } else {
            Platform.runLater(() -> seedToday(cutoff, steps));
          }
        });
  }

  /**
   * Hands today's figures their history up to {@code cutoff}; a goal it shows reached was reached
   * before the wall counted it, so it is no celebration.
   */
  private void seedToday(Instant cutoff, List<HistoryStep> steps) {
    today.seed(cutoff, steps);
    if (goal.reachedProperty().get()) {
      celebrations.goalReachedEarlier(today.dayStartProperty().get());
    }
  }

  /**
   * Shows {@code settings}, the display's: the theme, kiosk mode, paging, the goal, the schedule,
   * and in the controls the simulated orders and the lifetime.
   */
  private void showSettings(WallSettings settings) {
    showingSettings = true;
    try {
      theme.set(settings.theme());
      kiosk.set(settings.kiosk());
      pager.secondsProperty().set(settings.pageSeconds());
      pager.pausedProperty().set(settings.pagingPaused());
      goal.goalProperty().set(settings.goal());
      if (!settings.schedule().equals(sleep.schedule())) {
        sleep.setSchedule(settings.schedule());
      }
      if (table != null) { // null only while the constructor shows the first settings
        showTeam(settings.team());
      }
      if (controls != null) { // null only while the constructor shows the first settings
        controls.show(settings);
      }
    } finally {
      showingSettings = false;
    }
    shownSettings = settings;
  }

  /**
   * Shows the accounts of {@code name} (null: all teams) in the table, the Top 10 and the figures,
   * which start again from that team's live accounts; the whole floor's figures are seeded from the
   * history again.
   */
  private void showTeam(String name) {
    if (Objects.equals(name, table.shownTeam())) {
      return;
    }
    table.showTeam(name);
    figuresGeneration++;
    team.set(name);
    if (name == null) {
      shownTeam = null;
      figures.restart(supervisor.totalWidgetsOrdered());
      shownToday.set(today);
      seedFigures();
    } else {
      shownTeam = new ShownTeam(name);
      figures.restart(teams.widgets(name));
      shownToday.set(TodayModel.countingFrom(day, clock.instant()));
    }
    showTotals();
  }

  /** Hands the figures the live accounts and widgets of what is shown: a team's, or the core's. */
  private void showTotals() {
    String name = table.shownTeam();
    if (name == null) {
      figures.totals(supervisor.count(), supervisor.totalWidgetsOrdered());
    } else {
      figures.totals(teams.accounts(name), teams.widgets(name));
    }
  }

  /** Hands a change made in the window to the display, which applies and remembers it. */
  private void changeDisplay(DisplayChange.Builder change) {
    if (!showingSettings) {
      var unused = display.change(change.build()); // a failed save is logged by the display
    }
  }

  /** Tells the stale banner the latest last order among {@code accounts}, if any. */
  private void noteLastOrder(List<Account> accounts) {
    long latest = Long.MIN_VALUE;
    for (Account account : accounts) {
      latest = Math.max(latest, account.lastOrderAt().toEpochMilli());
    }
    if (latest != Long.MIN_VALUE) {
      stale.ordered(Instant.ofEpochMilli(latest));
    }
  }

  /** The history the figures' last hour is read from: {@link OrderJournal#history}. */
  @FunctionalInterface
  public interface History {
    /** Orders and widgets per step, as {@link OrderJournal#history} answers. */
    List<HistoryStep> history(Instant from, Instant to, Duration step);
  }

  /**
   * What a {@link WallModel} shows and where it sends what the window does. Each setter replaces
   * the default named in {@link WallModel#builder}. Not thread-safe: build on one thread.
   */
  public static final class Builder {
    private final AccountSupervisor supervisor;
    private final Clock clock;
    private final OrderGenerator generator;
    private AccountDesk desk;
    private DisplayState display;
    private Supplier<Optional<Reprojection>> reprojection = Optional::empty;
    private History history = (from, to, step) -> List.of();
    private DetailsModel.AccountHistory accountHistory = (id, from, to, step) -> List.of();
    private Supplier<List<String>> problems = List::of;
    private ApiEndpoint api;
    private Executor deskCalls = Runnable::run;
    private Long widgetsAtStart;
    private Duration staleAfter = Duration.ZERO;
    private WallDay day;
    private boolean burnInShift;
    private long bigOrder = CelebrationModel.NO_BIG_ORDER;
    private Texts texts = Texts.ENGLISH;

    private Builder(AccountSupervisor supervisor, Clock clock, OrderGenerator generator) {
      this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
      this.clock = Objects.requireNonNull(clock, "clock");
      this.generator = Objects.requireNonNull(generator, "generator");
      this.desk = supervisor;
    }

    /**
     * The order history the wall is a projection of: the window's orders and endings go to it, and
     * its re-projection, its history and its problems are shown. (A lifetime chosen in the window
     * goes to it through the {@link #display}.)
     */
    public Builder journal(OrderJournal journal) {
      return desk(journal)
          .reprojection(journal::reprojection)
          .history(journal::history)
          .accountHistory(journal::accountHistory)
          .problems(journal::problems);
    }

    /** Where the window's own orders and endings go. */
    public Builder desk(AccountDesk value) {
      desk = Objects.requireNonNull(value, "desk");
      return this;
    }

    /**
     * The display's state, which the window shows and changes: its theme, kiosk mode and paging,
     * the goal, the simulated orders, the lifetime (no longer than it allows) and the schedule.
     * Default: the dark theme, the generator as it runs, the supervisor's lifetime, changed on the
     * supervisor at once and with no limit, always awake, remembered nowhere.
     */
    public Builder display(DisplayState value) {
      display = Objects.requireNonNull(value, "display");
      return this;
    }

    /**
     * The re-projection under way, if any; read on the JavaFX thread a few times a second, so it
     * must be cheap.
     */
    public Builder reprojection(Supplier<Optional<Reprojection>> value) {
      reprojection = Objects.requireNonNull(value, "reprojection");
      return this;
    }

    /** The order history the figures' last hour is read from, once, on the desk's executor. */
    public Builder history(History value) {
      history = Objects.requireNonNull(value, "history");
      return this;
    }

    /** The order history of one account, read on the desk's executor as its card opens. */
    public Builder accountHistory(DetailsModel.AccountHistory value) {
      accountHistory = Objects.requireNonNull(value, "accountHistory");
      return this;
    }

    /**
     * What keeps the wall from acknowledging orders, as the health check says it; asked on the
     * JavaFX thread once a second, so it must be cheap.
     */
    public Builder problems(Supplier<List<String>> value) {
      problems = Objects.requireNonNull(value, "problems");
      return this;
    }

    /** Where the order API answers, for the status bar. */
    public Builder api(ApiEndpoint value) {
      api = value;
      return this;
    }

    /**
     * Where the window's own orders and endings, and its questions to the history, run: off the
     * JavaFX thread in the app, since in cluster mode each waits for Kafka, for up to half a minute
     * when it is down, and a history is a database read.
     */
    public Builder deskCalls(Executor value) {
      deskCalls = Objects.requireNonNull(value, "deskCalls");
      return this;
    }

    /**
     * Widgets of the live accounts as the wall started, what "since start" counts from. Default:
     * the supervisor's as the model is built.
     */
    public Builder widgetsAtStart(long value) {
      widgetsAtStart = value;
      return this;
    }

    /**
     * How long without an order before the banner across the wall says so; {@link Duration#ZERO}
     * for never (it still says what keeps the wall from acknowledging orders). Default: never, so a
     * test that moves its clock far sees no banner unless it asks for one.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder staleAfter(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("staleAfter must not be negative, was " + value);
      }
      staleAfter = value;
      return this;
    }

    /**
     * Whether the whole window shifts by a few pixels every few minutes against burn-in. Default:
     * off, so a test that moves its clock far finds every node where it laid it out.
     */
    public Builder burnInShift(boolean value) {
      burnInShift = value;
      return this;
    }

    /**
     * The fewest widgets in one order that the banner celebrates as a big order; {@link
     * CelebrationModel#NO_BIG_ORDER} for none. Default: none.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder bigOrder(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("bigOrder must be 0 (none) or more, was " + value);
      }
      bigOrder = value;
      return this;
    }

    /**
     * The wall's day: when today's figures start again, and its time zone, in which the banner says
     * since when and the schedule is kept. Default: from midnight to midnight in the machine's
     * zone.
     */
    public Builder day(WallDay value) {
      day = Objects.requireNonNull(value, "day");
      return this;
    }

    /**
     * The wall's locale: the language of the window's words (English where it has none of its own)
     * and how it writes numbers and times. Default: English, so a test reads the same words on any
     * machine.
     */
    public Builder locale(Locale value) {
      texts = Texts.of(value);
      return this;
    }

    public WallModel build() {
      return new WallModel(this);
    }

    private WallDay day() {
      return day != null ? day : WallDay.midnights(ZoneId.systemDefault());
    }

    private long widgetsAtStart() {
      return widgetsAtStart != null ? widgetsAtStart : supervisor.totalWidgetsOrdered();
    }

    private DisplayState display() {
      if (display == null) {
        display =
            DisplayState.builder(
                    new WallSettings(
                        Theme.DARK,
                        generator.rate(),
                        supervisor.lifetime(),
                        WallSettings.DEFAULT_PAGE_SECONDS,
                        0,
                        WallSettings.NO_GOAL,
                        false,
                        false,
                        generator.isRunning(),
                        Schedule.ALWAYS),
                    generator,
                    supervisor::setLifetime)
                .build();
      }
      return display;
    }
  }
}
