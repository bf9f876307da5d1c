package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path data;

  @Test
  void aVersionOneDatabaseKeepsItsAccountsAndGetsTheOneBtreeTable() throws Exception {
    String url = AccountDatabase.embeddedUrl(data);
    try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
      sql.executeUpdate("CREATE TABLE schema_version ("
          + " version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
      for (String statement : versionOne().split(";")) {
        if (!statement.isBlank()) {
          sql.executeUpdate(statement);
        }
      }
      sql.executeUpdate("INSERT INTO schema_version VALUES (1, 'V1__accounts_and_live_accounts.sql', 0)");
      sql.executeUpdate("INSERT INTO live_accounts VALUES (7, 3, 1000), (9, 1, 2000)");
    }

    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(List.of(new StoredAccount(7, 3, Instant.ofEpochMilli(1000)),
          new StoredAccount(9, 1, Instant.ofEpochMilli(2000))), database.loadAll());
    }
    try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
      assertEquals(3, (int) single(sql, "SELECT MAX(version) FROM schema_version"));
      String table = single(sql, "SELECT sql FROM sqlite_master WHERE name = 'live_accounts'");
      assertTrue(table.endsWith("WITHOUT ROWID"), table);
    }
  }

  private static String versionOne() throws IOException {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/V1__accounts_and_live_accounts.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T single(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return (T) rows.getObject(1);
    }
  }
}
