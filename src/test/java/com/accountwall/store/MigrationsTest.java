package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema on SQLite and on PostgreSQL: made whole on a fresh database, upgraded in place on an
 * older one.
 */
class MigrationsTest {
  private static final Set<StoredAccount> LIVE =
      Set.of(
          new StoredAccount(7, 3, Instant.ofEpochMilli(1000), 0),
          new StoredAccount(9, 1, Instant.ofEpochMilli(2000), 0));

  @TempDir Path data;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFreshDatabaseGetsEveryVersion(TestDatabase kind) throws Exception {
    String url = kind.newUrl(data);
    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(Set.of(), checkpointed(database));
      assertEquals(new Checkpoint(0, 0), database.checkpoint());
      assertEquals(Optional.empty(), database.keptReceipt("no such key"));
    }
    assertEquals(List.of(1, 2, 3, 4, 5), versions(url));
  }

  static Stream<Arguments> olderDatabases() {
    return Stream.of(TestDatabase.values())
        .flatMap(
            kind -> Stream.of(Arguments.of(kind, 1), Arguments.of(kind, 2), Arguments.of(kind, 3)));
  }

  @ParameterizedTest(name = "{0} at version {1}")
  @MethodSource("olderDatabases")
  void anOlderDatabaseIsUpgradedInPlaceKeepingItsLiveAccounts(TestDatabase kind, int version)
      throws Exception {
    String url = kind.newUrl(data);
    olderDatabase(url, version);

    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(LIVE, checkpointed(database), "the live accounts are the checkpoint");
      assertEquals(new Checkpoint(2, 0), database.checkpoint(), "under the lifetime the wall has");
      List<HistoryRow> history = new ArrayList<>();
      database.forEachRow(0, Long.MAX_VALUE, history::add);
      assertEquals(
          List.of(new HistoryRow(1, 7, 3, 1000), new HistoryRow(2, 9, 1, 2000)),
          history,
          "and the history's first rows, so that any later projection finds them");
      assertEquals(Optional.empty(), database.keptReceipt("no such key"), "V3's table is there");
    }
    assertEquals(List.of(1, 2, 3, 4, 5), versions(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCheckpointVersionFourWroteCountsNoRowAfterItself(TestDatabase kind) throws Exception {
    String url = kind.newUrl(data);
    olderDatabase(url, 4);

    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(
          LIVE,
          checkpointed(database),
          "as of row 0, so a start replays every row after the checkpoint onto them, as before");
    }
    assertEquals(List.of(1, 2, 3, 4, 5), versions(url));
  }

  private static Set<StoredAccount> checkpointed(AccountDatabase database) throws SQLException {
    Set<StoredAccount> accounts = new HashSet<>();
    database.forEachCheckpointed(accounts::add);
    return accounts;
  }

  @Test
  void onSqliteVersionTwoKeepsLiveAccountsInOneBtree() throws Exception {
    String url = TestDatabase.SQLITE.newUrl(data);
    olderDatabase(url, 1);
    AccountDatabase.open(url).close();

    String table = single(url, "SELECT sql FROM sqlite_master WHERE name = 'live_accounts'");
    assertTrue(table.endsWith("WITHOUT ROWID"), table);
  }

  @Test
  void onPostgresqlVersionTwoIsRecordedWithNothingRun() throws Exception {
    String url = TestDatabase.POSTGRESQL.newUrl(data);
    olderDatabase(url, 1);
    AccountDatabase.open(url).close();

    assertEquals(
        "V2__live_accounts_by_id.sqlite.sql",
        single(url, "SELECT script FROM schema_version WHERE version = 2"));
    assertEquals(
        0L,
        (long)
            single(
                url,
                "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_name = 'live_accounts_by_id'"),
        "V2's SQLite script did not run");
    assertEquals(
        LIVE.size(),
        (long) single(url, "SELECT COUNT(*) FROM live_accounts"),
        "V1's table is kept as it was");
  }

  /**
   * The database a build that knew only the first {@code version} scripts left, with two live
   * accounts.
   */
  private static void olderDatabase(String url, int version) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      Migrations.apply(connection, version);
      sql.executeUpdate("INSERT INTO live_accounts VALUES (7, 3, 1000), (9, 1, 2000)");
    }
  }

  private static List<Integer> versions(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      List<Integer> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      return versions;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T single(String url, String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return (T) rows.getObject(1);
    }
  }
}
