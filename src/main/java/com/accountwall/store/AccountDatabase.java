package com.accountwall.store;

import com.accountwall.core.AccountDirectory;
import com.accountwall.core.AccountProfile;
import com.accountwall.files.OwnerOnly;
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
 * The wall's database, through JDBC: the live accounts it restores on start, and the {@code
 * accounts} table that names them. By default an SQLite file in the data folder; any JDBC URL whose
 * database speaks standard SQL upserts (PostgreSQL) works with the same schema.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a commit is on disk, fsynced, when
 * {@link #write} returns: it survives a power cut, not just a crash.
 *
 * <p><b>Thread safety:</b> {@link #write} and {@link #loadAll} belong to one thread at a time (the
 * {@link DurableOrders} writer, or start-up before it runs); {@link #directory()} lookups may come
 * from any thread, one at a time, on a connection of their own.
 */
public final class AccountDatabase implements AutoCloseable {
  private static final String UPSERT = "INSERT INTO live_accounts (account_id, widgets_sold, last_order_at)"
      + " VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE"
      + " SET widgets_sold = excluded.widgets_sold, last_order_at = excluded.last_order_at";
  private static final String DELETE = "DELETE FROM live_accounts WHERE account_id = ?";

  private final String url;
  private final Connection writer;
  private final Connection reader;
  // Prepared once: every group commit uses them, and preparing costs as much as a small batch.
  private final PreparedStatement upsert;
  private final PreparedStatement delete;
  private final PreparedStatement lookup;

  private AccountDatabase(String url, Connection writer, Connection reader) throws SQLException {
    this.url = url;
    this.writer = writer;
    this.reader = reader;
    this.upsert = writer.prepareStatement(UPSERT);
    this.delete = writer.prepareStatement(DELETE);
    this.lookup = reader.prepareStatement("SELECT name, attribute FROM accounts WHERE account_id = ?");
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
      writer.setAutoCommit(false);
      reader = connect(url);
      return new AccountDatabase(url, writer, reader);
    } catch (SQLException | RuntimeException e) {
      writer.close();
      if (reader != null) {
        reader.close();
      }
      throw e;
    }
  }

  /** Every stored live account; some may be past their deadline. */
  List<StoredAccount> loadAll() throws SQLException {
    List<StoredAccount> accounts = new ArrayList<>();
    try (Statement statement = writer.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT account_id, widgets_sold, last_order_at FROM live_accounts")) {
      while (rows.next()) {
        accounts.add(new StoredAccount(rows.getLong(1), rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3))));
      }
    }
    writer.commit();
    return accounts;
  }

  /** Writes the changes in one transaction; when it returns, they are durable. */
  void write(Collection<AccountChange> changes) throws SQLException {
    boolean deletes = false;
    boolean upserts = false;
    try {
      for (AccountChange change : changes) {
        if (change.ended()) {
          delete.setLong(1, change.accountId());
          delete.addBatch();
          deletes = true;
        } else {
          upsert.setLong(1, change.accountId());
          upsert.setLong(2, change.widgetsSold());
          upsert.setLong(3, change.lastOrderAtMillis());
          upsert.addBatch();
          upserts = true;
        }
      }
      if (upserts) {
        upsert.executeBatch();
      }
      if (deletes) {
        delete.executeBatch();
      }
      writer.commit();
    } catch (SQLException e) {
      upsert.clearBatch();
      delete.clearBatch();
      writer.rollback();
      throw e;
    }
  }

  /** Names accounts from the {@code accounts} table: the seed's {@code fetch_data}. */
  public AccountDirectory directory() {
    return this::lookup;
  }

  private Optional<AccountProfile> lookup(long accountId) throws SQLException {
    synchronized (lookup) {
      lookup.setLong(1, accountId);
      try (ResultSet row = lookup.executeQuery()) {
        return row.next() ? Optional.of(new AccountProfile(row.getString(1), row.getString(2))) : Optional.empty();
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      writer.close();
    } finally {
      reader.close();
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
        pragma.execute("PRAGMA busy_timeout=10000");
      }
    }
    return connection;
  }

  private static boolean isSqlite(String url) {
    return url.startsWith("jdbc:sqlite:");
  }
}
