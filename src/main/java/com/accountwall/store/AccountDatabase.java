package com.accountwall.store;

import com.accountwall.core.AccountDirectory;
import com.accountwall.core.AccountProfile;
import com.accountwall.files.OwnerOnly;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.Receipt;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The wall's database, through JDBC: the live accounts it restores on start, the Idempotency-Keys
 * of the orders it applied, and the {@code accounts} table that names them. By default an SQLite
 * file in the data folder; any JDBC URL whose database speaks standard SQL upserts (PostgreSQL)
 * works with the same schema.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a commit is on disk, fsynced, when
 * {@link #write} returns: it survives a power cut, not just a crash.
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
 * <p><b>Thread safety:</b> {@link #write}, {@link #check} and {@link #loadAll} belong to one thread
 * at a time (the {@link EmbeddedJournal} writer, or start-up before it runs); {@link #directory()}
 * lookups and {@link #receipt} may come from any thread, taking turns on a connection of their own.
 */
public final class AccountDatabase implements AutoCloseable {
  private static final String UPSERT = "INSERT INTO live_accounts (account_id, widgets_sold, last_order_at)"
      + " VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE"
      + " SET widgets_sold = excluded.widgets_sold, last_order_at = excluded.last_order_at";
  private static final String DELETE = "DELETE FROM live_accounts WHERE account_id = ?";
  // A key is looked up before its orders are applied, so it is never there already; DO NOTHING
  // keeps a mistake in that from failing every commit after it.
  private static final String KEEP_KEY = "INSERT INTO idempotency_keys"
      + " (idempotency_key, fingerprint, accepted, account_id, widgets_sold, expires_at, kept_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
  private static final String FORGET_KEYS = "DELETE FROM idempotency_keys WHERE kept_at < ?";
  private static final String FIND_KEY = "SELECT fingerprint, accepted, account_id, widgets_sold, expires_at, kept_at"
      + " FROM idempotency_keys WHERE idempotency_key = ?";

  static final int BUSY_TIMEOUT_MILLIS = 2000;

  private final String url;
  private WriterSession writer; // null after a failure, until the next write opens one
  private final Object readerLock = new Object();
  private ReaderSession reader; // guarded by readerLock; null after a failure, until the next read opens one

  /** The writer's connection with its statements, prepared once: preparing costs as much as a small batch. */
  private static final class WriterSession implements AutoCloseable {
    final Connection connection;
    final PreparedStatement upsert;
    final PreparedStatement delete;
    final PreparedStatement keepKey;
    final PreparedStatement forgetKeys;

    WriterSession(Connection connection) throws SQLException {
      this.connection = connection;
      connection.setAutoCommit(false);
      this.upsert = connection.prepareStatement(UPSERT);
      this.delete = connection.prepareStatement(DELETE);
      this.keepKey = connection.prepareStatement(KEEP_KEY);
      this.forgetKeys = connection.prepareStatement(FORGET_KEYS);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** The reader's connection with its statements, for names and keys; it commits each read by itself. */
  private static final class ReaderSession implements AutoCloseable {
    final Connection connection;
    final PreparedStatement lookup;
    final PreparedStatement findKey;

    ReaderSession(Connection connection) throws SQLException {
      this.connection = connection;
      this.lookup = connection.prepareStatement("SELECT name, attribute FROM accounts WHERE account_id = ?");
      this.findKey = connection.prepareStatement(FIND_KEY);
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
        // Empty and 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
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

  /** Every stored live account; some may be past their deadline. */
  List<StoredAccount> loadAll() throws SQLException {
    WriterSession session = session();
    List<StoredAccount> accounts = new ArrayList<>();
    try (Statement statement = session.connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT account_id, widgets_sold, last_order_at FROM live_accounts")) {
      while (rows.next()) {
        accounts.add(new StoredAccount(rows.getLong(1), rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3))));
      }
      session.connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      SQLException failure = asFailure(e, session.connection);
      discardWriter(failure);
      throw failure;
    }
    return accounts;
  }

  /** Writes the changes in one transaction, all or nothing; when it returns, they are durable. */
  void write(Collection<AccountChange> changes) throws SQLException {
    write(changes, List.of(), Long.MIN_VALUE);
  }

  /**
   * Writes the changes and keeps the keys in one transaction, all or nothing, and forgets keys kept
   * before {@code forgetKeysBefore} (epoch milliseconds; {@link Long#MIN_VALUE} forgets none). When
   * it returns, all of it is durable.
   */
  void write(Collection<AccountChange> changes, Collection<KeptReceipt> keys, long forgetKeysBefore) throws SQLException {
    WriterSession session = session();
    boolean deletes = false;
    boolean upserts = false;
    try {
      for (AccountChange change : changes) {
        if (change.ended()) {
          session.delete.setLong(1, change.accountId());
          session.delete.addBatch();
          deletes = true;
        } else {
          session.upsert.setLong(1, change.accountId());
          session.upsert.setLong(2, change.widgetsSold());
          session.upsert.setLong(3, change.lastOrderAtMillis());
          session.upsert.addBatch();
          upserts = true;
        }
      }
      if (upserts) {
        session.upsert.executeBatch();
      }
      if (deletes) {
        session.delete.executeBatch();
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
      session.connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      SQLException failure = asFailure(e, session.connection);
      discardWriter(failure);
      throw failure;
    }
  }

  /**
   * Proves the database answers, with a read of its schema on the writer's connection, opening a
   * new one after a failure: how the writer finds a failed database healed when it has nothing to
   * write.
   */
  void check() throws SQLException {
    WriterSession session = session();
    try (Statement statement = session.connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rows.next();
      session.connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      SQLException failure = asFailure(e, session.connection);
      discardWriter(failure);
      throw failure;
    }
  }

  /** The receipt kept with {@code key}, whatever its fingerprint, if the key is kept. */
  Optional<KeptReceipt> receipt(String key) throws SQLException {
    synchronized (readerLock) {
      ReaderSession session = readerSession();
      try {
        session.findKey.setString(1, key);
        try (ResultSet row = session.findKey.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          Receipt receipt = new Receipt(row.getInt(2), row.getLong(3), row.getLong(4),
              Instant.ofEpochMilli(row.getLong(5)), false);
          return Optional.of(new KeptReceipt(new IdempotencyKey(key, row.getString(1)), receipt, row.getLong(6)));
        }
      } catch (SQLException | RuntimeException | Error e) {
        SQLException failure = asFailure(e, session.connection);
        discardReader(failure);
        throw failure;
      }
    }
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
    return new SQLException("the database driver failed: " + failure, isLost(connection) ? "08006" : null, failure);
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

  /** Rolls back and closes the failed session; what goes wrong on the way is kept with {@code failure}. */
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

  /** The reader's session, opening a new one after a failure; the caller holds {@code readerLock}. */
  private ReaderSession readerSession() throws SQLException {
    if (reader == null) {
      reader = openSession(ReaderSession::new);
    }
    return reader;
  }

  /** Closes the failed reader's session; the caller holds {@code readerLock}. */
  private void discardReader(SQLException failure) {
    try {
      reader.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    reader = null;
  }

  /** Names accounts from the {@code accounts} table: the seed's {@code fetch_data}. */
  public AccountDirectory directory() {
    return this::lookup;
  }

  private Optional<AccountProfile> lookup(long accountId) throws SQLException {
    synchronized (readerLock) {
      ReaderSession session = readerSession();
      try {
        session.lookup.setLong(1, accountId);
        try (ResultSet row = session.lookup.executeQuery()) {
          return row.next() ? Optional.of(new AccountProfile(row.getString(1), row.getString(2))) : Optional.empty();
        }
      } catch (SQLException | RuntimeException | Error e) {
        SQLException failure = asFailure(e, session.connection);
        discardReader(failure);
        throw failure;
      }
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
        if (reader != null) {
          reader.close();
        }
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
    Connection connection = DriverManager.getConnection(url);
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
