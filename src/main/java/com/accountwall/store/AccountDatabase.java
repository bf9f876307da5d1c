package com.accountwall.store;

import com.accountwall.core.AccountDirectory;
import com.accountwall.core.AccountProfile;
import com.accountwall.core.ProfileStore;
import com.accountwall.files.OwnerOnly;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.Receipt;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The wall's database, through JDBC: the order history with its per-minute totals and its
 * checkpoint of the live accounts, the Idempotency-Keys of the orders it applied, and the {@code
 * accounts} table that names them. By default an SQLite file in the data folder; any JDBC URL whose
 * database speaks standard SQL upserts (PostgreSQL) works with the same schema.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a commit is on disk, fsynced, when
 * {@link #append} returns: it survives a power cut, not just a crash.
 *
 * <p><b>A failed write leaves nothing behind.</b> After any failure the writer's connection is
 * rolled back and closed, and the next write opens a new one. A connection that failed mid-commit
 * cannot be trusted: SQLite rolls a transaction back by itself on {@code SQLITE_FULL}, after which
 * the driver still believes one is open, so the next statements would each commit alone, and a
 * batch would land on disk in part.
 *
 * <p><b>A lost connection is replaced.</b> The reader's connection (names and keys) is closed after
 * any failure too, and the next look-up opens a new one: a database server that restarts
 * (PostgreSQL) costs the reads and writes tried while it is down, and, after a restart nobody
 * noticed, the first of each on the connection it cut.
 *
 * <p><b>Thread safety:</b> the methods that write, and those that read on the writer's connection
 * ({@link #checkpoint}, {@link #forEachCheckpointed}, {@link #forEachRow}, {@link #keptReceipt}),
 * belong to one thread at a time (the {@link EmbeddedJournal} writer, or start-up before it runs);
 * {@link #directory()} lookups and {@link #minutes} may come from any thread, taking turns on a
 * connection of their own; {@link #openHistoryReader()} gives a thread a connection of its own;
 * {@link #putProfiles} may come from any thread, one at a time, each on a new connection.
 */
public final class AccountDatabase implements AutoCloseable {
  /**
   * Rows per statement when a commit appends many history rows, or a checkpoint writes many
   * accounts. One statement of 256 rows costs SQLite one step and the driver one call into it,
   * where 256 inserts of one row cost 256 of each: batches of 1,000 orders went 1.14-1.34 times as
   * fast (BENCHMARKS.md). 1,024 parameters, well under SQLite's limit (32,766) and PostgreSQL's
   * (65,535).
   */
  private static final int ROWS_PER_INSERT = 256;

  private static final String APPEND = appendRows(1);
  private static final String APPEND_MANY = appendRows(ROWS_PER_INSERT);
  private static final String ADD_MINUTE =
      "INSERT INTO order_minutes (minute, orders, widgets) VALUES (?, ?, ?)"
          + " ON CONFLICT (minute) DO UPDATE SET orders = order_minutes.orders + excluded.orders,"
          + " widgets = order_minutes.widgets + excluded.widgets";
  private static final String UPSERT = upsertAccounts(1);
  private static final String UPSERT_MANY = upsertAccounts(ROWS_PER_INSERT);
  private static final String DELETE = "DELETE FROM live_accounts WHERE account_id = ?";
  private static final String MARK_CHECKPOINT =
      "UPDATE history_checkpoint"
          + " SET up_to_seq = ?, lifetime_millis = ?, taken_at = ? WHERE id = 1";
  private static final String ROWS =
      "SELECT seq, account_id, quantity, ordered_at FROM order_history"
          + " WHERE seq > ? AND seq <= ? ORDER BY seq";

  /** The most ids one name query asks for; shorter lists repeat their first id. */
  private static final int IDS_PER_LOOKUP = 500;

  private static final String LOOKUP =
      "SELECT account_id, name, attribute FROM accounts WHERE account_id IN ("
          + String.join(", ", Collections.nCopies(IDS_PER_LOOKUP, "?"))
          + ")";
  private static final String LOOKUP_RANGE =
      "SELECT account_id, name, attribute FROM accounts WHERE account_id BETWEEN ? AND ?";
  private static final String ADD_PROFILE =
      "INSERT INTO accounts (account_id, name, attribute) VALUES (?, ?, ?)";
  private static final String CHANGE_PROFILE =
      "UPDATE accounts SET name = ?, attribute = ? WHERE account_id = ?";

  private static final String MINUTES =
      "SELECT minute, orders, widgets FROM order_minutes" + " WHERE minute >= ? AND minute < ?";
  // A key is looked up before its orders are applied, so it is never there already; DO NOTHING
  // keeps a mistake in that from failing every commit after it.
  private static final String KEEP_KEY =
      "INSERT INTO idempotency_keys"
          + " (idempotency_key, fingerprint, accepted, account_id, widgets_sold, expires_at, kept_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
  private static final String FORGET_KEYS = "DELETE FROM idempotency_keys WHERE kept_at < ?";
  private static final String FIND_KEY =
      "SELECT fingerprint, accepted, account_id, widgets_sold, expires_at, kept_at"
          + " FROM idempotency_keys WHERE idempotency_key = ?";

  static final int BUSY_TIMEOUT_MILLIS = 2000;

  private final String url;
  private WriterSession writer; // null after a failure, until the next write opens one
  private final Object readerLock = new Object();

  /** Null after a failure, until the next read opens one. */
  @GuardedBy("readerLock")
  private ReaderSession reader;

  /**
   * Set by close: a read that comes later (a name looked up late) must not create the file anew.
   */
  @GuardedBy("readerLock")
  private boolean readerClosed;

  /** Lets one {@link #putProfiles} run at a time, and none once the database is closed. */
  private final Object profileLock = new Object();

  @GuardedBy("profileLock")
  private boolean profilesClosed;

  /**
   * The writer's connection with its statements, prepared once: preparing costs as much as a small
   * batch.
   */
  private static final class WriterSession implements AutoCloseable {
    final Connection connection;
    final PreparedStatement append;
    final PreparedStatement appendMany;
    final PreparedStatement addMinute;
    final PreparedStatement keepKey;
    final PreparedStatement forgetKeys;
    final PreparedStatement findKey;

    WriterSession(Connection connection) throws SQLException {
      this.connection = connection;
      connection.setAutoCommit(false);
      this.append = connection.prepareStatement(APPEND);
      this.appendMany = connection.prepareStatement(APPEND_MANY);
      this.addMinute = connection.prepareStatement(ADD_MINUTE);
      this.keepKey = connection.prepareStatement(KEEP_KEY);
      this.forgetKeys = connection.prepareStatement(FORGET_KEYS);
      this.findKey = connection.prepareStatement(FIND_KEY);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /**
   * The reader's connection with its statements, for names and keys; it commits each read by
   * itself.
   */
  private static final class ReaderSession implements AutoCloseable {
    final Connection connection;
    final PreparedStatement lookup;
    final PreparedStatement lookupRange;
    final PreparedStatement minutes;

    ReaderSession(Connection connection) throws SQLException {
      this.connection = connection;
      this.lookup = connection.prepareStatement(LOOKUP);
      this.lookupRange = connection.prepareStatement(LOOKUP_RANGE);
      this.minutes = connection.prepareStatement(MINUTES);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private AccountDatabase(String url, WriterSession writer, ReaderSession reader) {
    this.url = url;
    this.writer = writer;
    this.reader = reader;
  }

  /** The embedded database's URL for a data folder. */
  public static String embeddedUrl(Path dataFolder) {
    return "jdbc:sqlite:" + dataFolder.resolve("account-wall.db").toAbsolutePath();
  }

  /** Connects, creating an embedded database's folder and bringing the schema up to date. */
  public static AccountDatabase open(String url) throws SQLException {
    if (isSqlite(url)) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()));
      try {
        OwnerOnly.createFolder(file.toAbsolutePath().getParent());
        // Empty and 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same
        // mode.
        OwnerOnly.createFile(file);
      } catch (IOException e) {
        throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
      }
    }
    Connection writer = connect(url);
    Connection reader = null;
    try {
      Migrations.apply(writer);
      WriterSession session = new WriterSession(writer);
      reader = connect(url);
      return new AccountDatabase(url, session, new ReaderSession(reader));
    } catch (SQLException | RuntimeException e) {
      writer.close();
      if (reader != null) {
        reader.close();
      }
      throw e;
    }
  }

  /** The embedded database's file, or null for a database elsewhere. */
  Path file() {
    return isSqlite(url) ? Path.of(url.substring("jdbc:sqlite:".length())).toAbsolutePath() : null;
  }

  /** Where the checkpoint stands. */
  Checkpoint checkpoint() throws SQLException {
    return onWriter(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet row =
                  statement.executeQuery(
                      "SELECT up_to_seq, lifetime_millis FROM history_checkpoint WHERE id = 1")) {
            return row.next()
                ? new Checkpoint(row.getLong(1), row.getLong(2))
                : new Checkpoint(0, 0);
          }
        });
  }

  /** Hands every account of the checkpoint to {@code account}; some may be past their deadline. */
  void forEachCheckpointed(Consumer<StoredAccount> account) throws SQLException {
    onWriter(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT account_id, widgets_sold, last_order_at, as_of_seq"
                          + " FROM live_accounts")) {
            while (rows.next()) {
              account.accept(
                  new StoredAccount(
                      rows.getLong(1),
                      rows.getLong(2),
                      Instant.ofEpochMilli(rows.getLong(3)),
                      rows.getLong(4)));
            }
          }
          return null;
        });
  }

  /** Whether the history holds a row numbered {@code seq}. */
  boolean hasRow(long seq) throws SQLException {
    return onWriter(
        connection -> {
          try (PreparedStatement row =
              connection.prepareStatement("SELECT 1 FROM order_history WHERE seq = ?")) {
            row.setLong(1, seq);
            try (ResultSet found = row.executeQuery()) {
              return found.next();
            }
          }
        });
  }

  /** The first and last rows' seq, or {0, 0} for an empty history. */
  long[] seqRange() throws SQLException {
    return onWriter(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet row =
                  // Two subqueries: SQLite answers a lone MIN or MAX from the index, both at once
                  // by reading every row.
                  statement.executeQuery(
                      "SELECT (SELECT MIN(seq) FROM order_history),"
                          + " (SELECT MAX(seq) FROM order_history)")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
          }
        });
  }

  /**
   * Hands the rows after {@code afterSeq} up to {@code upToSeq} to {@code row}, in order, on the
   * writer's connection.
   */
  void forEachRow(long afterSeq, long upToSeq, Consumer<HistoryRow> row) throws SQLException {
    onWriter(
        connection -> {
          readRows(connection, afterSeq, upToSeq, row);
          return null;
        });
  }

  /**
   * Appends the rows, adds the minutes' totals and keeps the keys in one transaction, all or
   * nothing, and forgets keys kept before {@code forgetKeysBefore} (epoch milliseconds; {@link
   * Long#MIN_VALUE} forgets none). When it returns, all of it is durable.
   */
  void append(
      List<HistoryRow> rows,
      Collection<HistoryStep> minutes,
      Collection<KeptReceipt> keys,
      long forgetKeysBefore)
      throws SQLException {
    onWriter(
        connection -> {
          WriterSession session = writer;
          inChunks(rows, session.appendMany, session.append, AccountDatabase::bind);
          for (HistoryStep minute : minutes) {
            session.addMinute.setLong(1, minute.start().toEpochMilli());
            session.addMinute.setLong(2, minute.orders());
            session.addMinute.setLong(3, minute.widgets());
            session.addMinute.addBatch();
          }
          if (!minutes.isEmpty()) {
            session.addMinute.executeBatch();
          }
          for (KeptReceipt kept : keys) {
            Receipt receipt = kept.receipt();
            session.keepKey.setString(1, kept.key().value());
            session.keepKey.setString(2, kept.key().fingerprint());
            session.keepKey.setInt(3, receipt.accepted());
            session.keepKey.setLong(4, receipt.accountId());
            session.keepKey.setLong(5, receipt.widgetsSold());
            session.keepKey.setLong(6, receipt.expiresAt().toEpochMilli());
            session.keepKey.setLong(7, kept.keptAtMillis());
            session.keepKey.addBatch();
          }
          if (!keys.isEmpty()) {
            session.keepKey.executeBatch();
          }
          if (forgetKeysBefore != Long.MIN_VALUE) {
            session.forgetKeys.setLong(1, forgetKeysBefore);
            session.forgetKeys.executeUpdate();
          }
          return null;
        });
  }

  /** An insert into the history of {@code rows} rows, their values given in order. */
  private static String appendRows(int rows) {
    return "INSERT INTO order_history (seq, account_id, quantity, ordered_at) VALUES "
        + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?)"));
  }

  /** Binds the rows' values to {@code insert}'s parameters, four a row, in the rows' order. */
  private static void bind(PreparedStatement insert, List<HistoryRow> rows) throws SQLException {
    int parameter = 1;
    for (HistoryRow row : rows) {
      insert.setLong(parameter++, row.seq());
      insert.setLong(parameter++, row.accountId());
      insert.setLong(parameter++, row.quantity());
      insert.setLong(parameter++, row.atMillis());
    }
  }

  /**
   * An upsert of {@code rows} live accounts into the checkpoint, their values given in order; the
   * accounts of one statement must differ (PostgreSQL refuses to update a row twice in one).
   */
  private static String upsertAccounts(int rows) {
    return "INSERT INTO live_accounts (account_id, widgets_sold, last_order_at, as_of_seq) VALUES "
        + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?)"))
        + " ON CONFLICT (account_id) DO UPDATE"
        + " SET widgets_sold = excluded.widgets_sold, last_order_at = excluded.last_order_at,"
        + " as_of_seq = excluded.as_of_seq";
  }

  /**
   * Binds the live accounts' values to {@code upsert}'s parameters, four an account, in order, each
   * as of history row {@code asOfSeq}.
   */
  private static Binder<AccountChange> bindLive(long asOfSeq) {
    return (upsert, accounts) -> {
      int parameter = 1;
      for (AccountChange account : accounts) {
        upsert.setLong(parameter++, account.accountId());
        upsert.setLong(parameter++, account.widgetsSold());
        upsert.setLong(parameter++, account.lastOrderAtMillis());
        upsert.setLong(parameter++, asOfSeq);
      }
    };
  }

  /** Binds a list of items to a statement's parameters, in order. */
  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement statement, List<T> items) throws SQLException;
  }

  /**
   * Writes {@code items} with {@code many}, {@value #ROWS_PER_INSERT} of them a statement, and the
   * rest with {@code one}, one a statement in a JDBC batch.
   */
  private static <T> void inChunks(
      List<T> items, PreparedStatement many, PreparedStatement one, Binder<T> binder)
      throws SQLException {
    int whole = items.size() - items.size() % ROWS_PER_INSERT;
    for (int start = 0; start < whole; start += ROWS_PER_INSERT) {
      binder.bind(many, items.subList(start, start + ROWS_PER_INSERT));
      many.executeUpdate();
    }
    for (T item : items.subList(whole, items.size())) {
      binder.bind(one, List.of(item));
      one.addBatch();
    }
    if (whole < items.size()) {
      one.executeBatch();
    }
  }

  /**
   * Writes a piece of the checkpoint in one transaction: the state of each account in {@code
   * changes} as the history up to row {@code asOfSeq} gives it (an ended one is dropped); with
   * {@code replaceAll}, the changes are every live account and the others are dropped.
   *
   * @param completes where the checkpoint stands once this piece is written, or null if it still
   *     stands where it did (more pieces are to come); every account's row, in this piece or an
   *     earlier one, must count the history at least up to its {@code upToSeq}
   */
  void writeCheckpoint(
      Collection<AccountChange> changes,
      boolean replaceAll,
      long asOfSeq,
      Checkpoint completes,
      long takenAtMillis)
      throws SQLException {
    onWriter(
        connection -> {
          if (replaceAll) {
            try (Statement statement = connection.createStatement()) {
              statement.executeUpdate("DELETE FROM live_accounts");
            }
          }
          try (PreparedStatement upsertMany = connection.prepareStatement(UPSERT_MANY);
              PreparedStatement upsert = connection.prepareStatement(UPSERT);
              PreparedStatement delete = connection.prepareStatement(DELETE)) {
            List<AccountChange> live = new ArrayList<>();
            int deletes = 0;
            for (AccountChange change : changes) {
              if (change.ended()) {
                delete.setLong(1, change.accountId());
                delete.addBatch();
                deletes++;
              } else {
                live.add(change);
              }
            }
            inChunks(live, upsertMany, upsert, bindLive(asOfSeq));
            if (deletes > 0) {
              delete.executeBatch();
            }
          }
          if (completes != null) {
            try (PreparedStatement mark = connection.prepareStatement(MARK_CHECKPOINT)) {
              mark.setLong(1, completes.upToSeq());
              mark.setLong(2, completes.lifetimeMillis());
              mark.setLong(3, takenAtMillis);
              mark.executeUpdate();
            }
          }
          return null;
        });
  }

  /**
   * Deletes one step of old history in one transaction: rows before {@code belowSeq} made before
   * {@code beforeMillis}, and the minutes before it.
   *
   * @return how many rows it deleted
   */
  int forget(long belowSeq, long beforeMillis) throws SQLException {
    return onWriter(
        connection -> {
          try (PreparedStatement rows =
                  connection.prepareStatement(
                      "DELETE FROM order_history WHERE seq < ? AND ordered_at < ?");
              PreparedStatement minutes =
                  connection.prepareStatement("DELETE FROM order_minutes WHERE minute < ?")) {
            rows.setLong(1, belowSeq);
            rows.setLong(2, beforeMillis);
            int deleted = rows.executeUpdate();
            minutes.setLong(1, HistorySteps.minuteOf(beforeMillis));
            minutes.executeUpdate();
            return deleted;
          }
        });
  }

  /**
   * The receipt kept with {@code key}, whatever its fingerprint, if the key is kept: read on the
   * writer's connection.
   */
  Optional<KeptReceipt> keptReceipt(String key) throws SQLException {
    return onWriter(
        connection -> {
          writer.findKey.setString(1, key);
          try (ResultSet row = writer.findKey.executeQuery()) {
            if (!row.next()) {
              return Optional.empty();
            }
            Receipt receipt =
                new Receipt(
                    row.getInt(2),
                    row.getLong(3),
                    row.getLong(4),
                    Instant.ofEpochMilli(row.getLong(5)),
                    false);
            return Optional.of(
                new KeptReceipt(
                    new IdempotencyKey(key, row.getString(1)), receipt, row.getLong(6)));
          }
        });
  }

  /** Work on the writer's connection, committed; a failure discards the connection. */
  @FunctionalInterface
  private interface WriterWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} on the writer's session and commits; after any failure the session is rolled
   * back and closed.
   */
  private <T> T onWriter(WriterWork<T> work) throws SQLException {
    WriterSession session = session();
    try {
      T result = work.run(session.connection);
      session.connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      SQLException failure = asFailure(e, session.connection);
      discardWriter(failure);
      throw failure;
    }
  }

  private static void readRows(
      Connection connection, long afterSeq, long upToSeq, Consumer<HistoryRow> row)
      throws SQLException {
    try (PreparedStatement rows = connection.prepareStatement(ROWS)) {
      rows.setFetchSize(10_000);
      rows.setLong(1, afterSeq);
      rows.setLong(2, upToSeq);
      try (ResultSet each = rows.executeQuery()) {
        while (each.next()) {
          row.accept(
              new HistoryRow(each.getLong(1), each.getLong(2), each.getLong(3), each.getLong(4)));
        }
      }
    }
  }

  /** Takes one row of the history as it is read, without making an object of it. */
  @FunctionalInterface
  interface RowSink {
    /**
     * @param quantity the widgets ordered; 0 for an ending
     */
    void accept(long accountId, long quantity, long atMillis);
  }

  /** Reads the history on a connection of its own, for a re-projection beside the writer. */
  interface HistoryReader extends AutoCloseable {
    /**
     * Hands the rows after {@code afterSeq} up to {@code upToSeq} to {@code row}, in order, three
     * columns each: ten million rows are read in seconds, so every column read counts.
     */
    void forEachRow(long afterSeq, long upToSeq, RowSink row) throws SQLException;

    /** The first row's seq, or 0 for an empty history. */
    long firstSeq() throws SQLException;

    /**
     * Where the rows made from {@code millis} on begin, as the {@code afterSeq} of a {@link
     * #forEachRow} that reads them: found by halving, as the writer stamps rows in time order (a
     * clock stepped back puts a few rows a little out of place, as it does in Kafka's time index).
     *
     * @return a seq from {@code firstSeq() - 1} to {@code upToSeq}
     */
    long seqBefore(long millis, long upToSeq) throws SQLException;

    @Override
    void close() throws SQLException;
  }

  /** A reader of the history on a new connection of its own; the caller closes it. */
  HistoryReader openHistoryReader() throws SQLException {
    Connection connection = connect(url);
    return new HistoryReader() {
      @Override
      public void forEachRow(long afterSeq, long upToSeq, RowSink row) throws SQLException {
        // One read transaction, so the rows are those of one moment however long it takes.
        connection.setAutoCommit(false);
        try (PreparedStatement rows =
            connection.prepareStatement(
                "SELECT account_id, quantity, ordered_at"
                    + " FROM order_history WHERE seq > ? AND seq <= ? ORDER BY seq")) {
          rows.setFetchSize(10_000);
          rows.setLong(1, afterSeq);
          rows.setLong(2, upToSeq);
          try (ResultSet each = rows.executeQuery()) {
            while (each.next()) {
              row.accept(each.getLong(1), each.getLong(2), each.getLong(3));
            }
          }
        } finally {
          connection.rollback();
        }
      }

      @Override
      public long firstSeq() throws SQLException {
        try (Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery("SELECT MIN(seq) FROM order_history")) {
          return row.next() ? row.getLong(1) : 0;
        }
      }

      @Override
      public long seqBefore(long millis, long upToSeq) throws SQLException {
        long first = firstSeq();
        if (first == 0) {
          return upToSeq;
        }
        // The first seq p whose first row at or after it is made from millis on (or is past
        // upToSeq).
        long low = first;
        long high = upToSeq + 1;
        try (PreparedStatement next =
            connection.prepareStatement(
                "SELECT ordered_at FROM order_history WHERE seq >= ? AND seq <= ?"
                    + " ORDER BY seq LIMIT 1")) {
          next.setLong(2, upToSeq);
          while (low < high) {
            long middle = low + (high - low) / 2;
            next.setLong(1, middle);
            try (ResultSet row = next.executeQuery()) {
              if (!row.next() || row.getLong(1) >= millis) {
                high = middle;
              } else {
                low = middle + 1;
              }
            }
          }
        }
        return low - 1;
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  /** The per-minute totals from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive). */
  List<HistoryStep> minutes(long fromMillis, long toMillis) throws SQLException {
    synchronized (readerLock) {
      ReaderSession session = readerSession();
      try {
        session.minutes.setLong(1, fromMillis);
        session.minutes.setLong(2, toMillis);
        List<HistoryStep> minutes = new ArrayList<>();
        try (ResultSet rows = session.minutes.executeQuery()) {
          while (rows.next()) {
            minutes.add(
                new HistoryStep(
                    Instant.ofEpochMilli(rows.getLong(1)), rows.getLong(2), rows.getLong(3)));
          }
        }
        return minutes;
      } catch (SQLException | RuntimeException | Error e) {
        SQLException failure = asFailure(e, session.connection);
        discardReader(failure);
        throw failure;
      }
    }
  }

  /**
   * Proves the database answers, with a read of its schema on the writer's connection, opening a
   * new one after a failure: how the writer finds a failed database healed when it has nothing to
   * write.
   */
  void check() throws SQLException {
    onWriter(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rows.next();
          }
        });
  }

  /**
   * What a failed call on {@code connection} throws: {@code failure} itself, or the SQLException it
   * carries, or else one around it, so that callers handle a driver that fails unchecked as the
   * database failing. (PostgreSQL's throws an AssertionError, carrying nothing, from a batch on a
   * connection the server dropped; a connection that no longer answers then says so with SQL state
   * 08006, connection failure.) The JVM's own errors go on as they are.
   */
  private static SQLException asFailure(Throwable failure, Connection connection) {
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql; // the driver's own words and SQL state, which CommitFailure reads
      }
    }
    return new SQLException(
        "the database driver failed: " + failure, isLost(connection) ? "08006" : null, failure);
  }

  /** Whether {@code connection} no longer answers. */
  private static boolean isLost(Connection connection) {
    try {
      return !connection.isValid(1);
    } catch (SQLException | RuntimeException | AssertionError e) {
      return true;
    }
  }

  /** The writer's session, opening a new one after a failure. */
  private WriterSession session() throws SQLException {
    if (writer == null) {
      writer = openSession(WriterSession::new);
    }
    return writer;
  }

  /** Something that prepares a session on a new connection. */
  @FunctionalInterface
  private interface SessionMaker<S> {
    S make(Connection connection) throws SQLException;
  }

  /** Connects and makes a session of the connection, which is closed again if that fails. */
  private <S> S openSession(SessionMaker<S> maker) throws SQLException {
    Connection connection = connect(url);
    try {
      return maker.make(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Rolls back and closes the failed session; what goes wrong on the way is kept with {@code
   * failure}.
   */
  private void discardWriter(SQLException failure) {
    try {
      writer.connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    try {
      writer.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    writer = null;
  }

  /**
   * The reader's session, opening a new one after a failure; the caller holds {@code readerLock}.
   */
  @GuardedBy("readerLock")
  private ReaderSession readerSession() throws SQLException {
    if (readerClosed) {
      throw new SQLException("the database " + this + " is closed");
    }
    if (reader == null) {
      reader = openSession(ReaderSession::new);
    }
    return reader;
  }

  /** Closes the failed reader's session; the caller holds {@code readerLock}. */
  @GuardedBy("readerLock")
  private void discardReader(SQLException failure) {
    try {
      reader.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    reader = null;
  }

  /**
   * Keeps each of {@code profiles} as the profile of its id in the {@code accounts} table, in one
   * transaction: all of them or, if anything fails, none. A profile stored already, exactly so, is
   * left as it is. Runs on a connection of its own, opened for the call (profiles are set rarely,
   * and a new connection never is one a restarted server cut), beside the journal's writer: on
   * SQLite its transaction begins {@code IMMEDIATE}, taking the write lock before it reads, so the
   * writer's commits in between cannot fail it (a deferred one would fail at its first write with
   * {@code SQLITE_BUSY_SNAPSHOT}); it waits for the lock as the writer does, up to the busy
   * timeout.
   *
   * @return how many were added, changed and unchanged
   * @throws SQLException if they could not be stored; then nothing changed
   */
  public ProfileTally putProfiles(Map<Long, AccountProfile> profiles) throws SQLException {
    synchronized (profileLock) {
      if (profilesClosed) {
        throw new SQLException("the database " + this + " is closed");
      }
      try (Connection connection = connect(url, true)) {
        connection.setAutoCommit(false);
        try {
          ProfileTally tally = writeProfiles(connection, profiles);
          connection.commit();
          return tally;
        } catch (SQLException | RuntimeException | Error e) {
          SQLException failure = asFailure(e, connection);
          try {
            connection.rollback();
          } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
          }
          throw failure;
        }
      }
    }
  }

  /**
   * Compares the profiles with those stored and adds or changes those that differ, {@value
   * #IDS_PER_LOOKUP} ids to a read and a batch.
   */
  private static ProfileTally writeProfiles(
      Connection connection, Map<Long, AccountProfile> profiles) throws SQLException {
    long[] ids = profiles.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    int added = 0;
    int changed = 0;
    try (PreparedStatement stored = connection.prepareStatement(LOOKUP);
        PreparedStatement add = connection.prepareStatement(ADD_PROFILE);
        PreparedStatement change = connection.prepareStatement(CHANGE_PROFILE)) {
      for (int from = 0; from < ids.length; from += IDS_PER_LOOKUP) {
        int to = Math.min(ids.length, from + IDS_PER_LOOKUP);
        Map<Long, AccountProfile> before = new HashMap<>();
        for (int i = 0; i < IDS_PER_LOOKUP; i++) {
          stored.setLong(i + 1, ids[from + i < to ? from + i : from]);
        }
        try (ResultSet rows = stored.executeQuery()) {
          while (rows.next()) {
            before.put(rows.getLong(1), new AccountProfile(rows.getString(2), rows.getString(3)));
          }
        }
        for (int i = from; i < to; i++) {
          AccountProfile profile = profiles.get(ids[i]);
          AccountProfile old = before.get(ids[i]);
          if (old == null) {
            add.setLong(1, ids[i]);
            add.setString(2, profile.name());
            add.setString(3, profile.attribute());
            add.addBatch();
            added++;
          } else if (!old.equals(profile)) {
            change.setString(1, profile.name());
            change.setString(2, profile.attribute());
            change.setLong(3, ids[i]);
            change.addBatch();
            changed++;
          }
        }
        add.executeBatch();
        change.executeBatch();
      }
    }
    return new ProfileTally(added, changed, ids.length - added - changed);
  }

  /**
   * A {@link ProfileStore} that keeps each profile with {@link #putProfiles} on {@code writer},
   * which must let the store finish before this database closes.
   */
  public ProfileStore profileStore(Executor writer) {
    return (accountId, profile) ->
        CompletableFuture.runAsync(
            () -> {
              try {
                putProfiles(Map.of(accountId, profile));
              } catch (SQLException e) {
                throw new CompletionException(e);
              }
            },
            writer);
  }

  /** Names accounts from the {@code accounts} table: the seed's {@code fetch_data}. */
  public AccountDirectory directory() {
    return new AccountDirectory() {
      @Override
      public Optional<AccountProfile> lookup(long accountId) throws SQLException {
        return Optional.ofNullable(lookupAll(new long[] {accountId}).get(accountId));
      }

      @Override
      public Map<Long, AccountProfile> lookupAll(long[] accountIds) throws SQLException {
        return AccountDatabase.this.lookupAll(accountIds);
      }
    };
  }

  /**
   * Reads names on the reader's connection, {@value #IDS_PER_LOOKUP} accounts to a query, each
   * query once more on a new connection if it fails: a database server that restarted cut the old
   * one, and a name is read only when its account is created, so a lost first read would leave the
   * account unnamed for its whole life.
   */
  private Map<Long, AccountProfile> lookupAll(long[] accountIds) throws SQLException {
    long[] ids = accountIds.clone();
    Arrays.sort(ids);
    Map<Long, AccountProfile> profiles = new HashMap<>();
    synchronized (readerLock) {
      for (int from = 0; from < ids.length; from += IDS_PER_LOOKUP) {
        int to = Math.min(ids.length, from + IDS_PER_LOOKUP);
        try {
          lookupOnce(ids, from, to, profiles);
        } catch (SQLException first) {
          try {
            lookupOnce(ids, from, to, profiles);
          } catch (SQLException second) {
            second.addSuppressed(first);
            throw second;
          }
        }
      }
    }
    return profiles;
  }

  /**
   * Reads the names of the sorted {@code ids[from..to)}: as one range when they lie close together,
   * as a restore's do (one probe of the index instead of one per id), else as a list.
   */
  @GuardedBy("readerLock")
  private void lookupOnce(long[] ids, int from, int to, Map<Long, AccountProfile> profiles)
      throws SQLException {
    ReaderSession session = readerSession();
    boolean close = ids[to - 1] - ids[from] < 4L * (to - from);
    PreparedStatement lookup = close ? session.lookupRange : session.lookup;
    try {
      if (close) {
        lookup.setLong(1, ids[from]);
        lookup.setLong(2, ids[to - 1]);
      } else {
        for (int i = 0; i < IDS_PER_LOOKUP; i++) {
          lookup.setLong(i + 1, ids[from + i < to ? from + i : from]);
        }
      }
      try (ResultSet rows = lookup.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          if (Arrays.binarySearch(ids, from, to, id) >= 0) {
            profiles.put(id, new AccountProfile(rows.getString(2), rows.getString(3)));
          }
        }
      }
    } catch (SQLException | RuntimeException | Error e) {
      SQLException failure = asFailure(e, session.connection);
      discardReader(failure);
      throw failure;
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      synchronized (readerLock) {
        readerClosed = true;
        if (reader != null) {
          reader.close();
        }
      }
      synchronized (profileLock) {
        profilesClosed = true;
      }
    }
  }

  /** The URL without its parameters, which may hold a password. */
  @Override
  public String toString() {
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  private static Connection connect(String url) throws SQLException {
    return connect(url, false);
  }

  /**
   * @param immediate on SQLite, whether its transactions begin {@code IMMEDIATE}, taking the write
   *     lock at once, rather than at their first write
   */
  private static Connection connect(String url, boolean immediate) throws SQLException {
    Properties properties = new Properties();
    if (isSqlite(url)) {
      SQLiteConfig config = new SQLiteConfig();
      // The driver already makes every call on a connection hold its monitor (all of NativeDB's
      // natives are synchronized but interrupt, which SQLite allows from any thread), so SQLite's
      // own mutex per call only doubles it: 6 % of the writer's CPU under batches (perf), in
      // pthread_mutex_lock and unlock around each bound value.
      config.setOpenMode(SQLiteOpenMode.NOMUTEX);
      if (immediate) {
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      }
      properties = config.toProperties();
    }
    Connection connection = DriverManager.getConnection(url, properties);
    if (isSqlite(url)) {
      try (Statement pragma = connection.createStatement()) {
        pragma.execute("PRAGMA journal_mode=WAL");
        pragma.execute("PRAGMA synchronous=FULL");
        // Only another program can hold the lock (the data folder has one wall): wait a moment
        // for it, then fail the commit, so callers hear why and the writer retries.
        pragma.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
      }
    }
    return connection;
  }

  private static boolean isSqlite(String url) {
    return url.startsWith("jdbc:sqlite:");
  }
}
