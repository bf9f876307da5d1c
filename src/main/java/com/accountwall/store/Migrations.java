package com.accountwall.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Brings a database's schema up to this build's version by applying the numbered scripts in {@code
 * migrations/} that it has not seen yet, each in its own transaction, and recording each in {@code
 * schema_version}. A database newer than this build is refused rather than guessed at.
 */
final class Migrations {
  /**
   * In order; a script, once released, is never edited: a change is a new script. One whose name
   * ends in {@value #SQLITE_ONLY} runs on SQLite; elsewhere its version is recorded with nothing
   * run. One with a namesake in {@code migrations/sqlite/} runs that on SQLite instead, for what
   * only SQLite spells differently.
   */
  private static final List<String> SCRIPTS =
      List.of(
          "V1__accounts_and_live_accounts.sql",
          "V2__live_accounts_by_id.sqlite.sql",
          "V3__idempotency_keys.sql",
          "V4__order_history.sql",
          "V5__checkpoint_in_pieces.sql");

  private static final String SQLITE_ONLY = ".sqlite.sql";

  private Migrations() {}

  /** Brings the schema up to this build's version. */
  static void apply(Connection connection) throws SQLException {
    apply(connection, SCRIPTS.size());
  }

  /**
   * Brings the schema up to {@code version} only, as the build that knew the first {@code version}
   * scripts did: how the tests make the database an older build left behind.
   */
  static void apply(Connection connection, int version) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + " version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
    }
    int current = currentVersion(connection);
    if (current > SCRIPTS.size()) {
      throw new SQLException(
          "the database's schema is version "
              + current
              + ", newer than this build knows ("
              + SCRIPTS.size()
              + "); use a newer Account Wall");
    }
    for (int next = current + 1; next <= version; next++) {
      applyScript(connection, next, SCRIPTS.get(next - 1));
    }
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void applyScript(Connection connection, int version, String script)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      boolean sqlite = isSqlite(connection);
      if (!script.endsWith(SQLITE_ONLY) || sqlite) {
        String variant = "sqlite/" + script;
        for (String sql : statements(read(sqlite && exists(variant) ? variant : script))) {
          statement.executeUpdate(sql);
        }
      }
      try (PreparedStatement record =
          connection.prepareStatement(
              "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
        record.setInt(1, version);
        record.setString(2, script);
        record.setLong(3, System.currentTimeMillis());
        record.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static boolean isSqlite(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().equals("SQLite");
  }

  /** The script's statements: comment lines dropped, split at semicolons. */
  private static List<String> statements(String script) {
    StringBuilder sql = new StringBuilder();
    script
        .lines()
        .filter(line -> !line.strip().startsWith("--"))
        .forEach(line -> sql.append(line).append('\n'));
    return Arrays.stream(sql.toString().split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static boolean exists(String script) {
    return Migrations.class.getResource("migrations/" + script) != null;
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("migration script missing from the build: " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
