package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.accountwall.core.AccountProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link AccountDatabase#putProfiles} promises on any database: profiles stored by id, told
 * apart as added, changed and unchanged, read back by the directory, kept across a reopen; and a
 * failure anywhere in a call stores none of its profiles.
 */
abstract class AccountProfilesContract {
  private final TestDatabase kind;
  @TempDir private Path data;
  private String url;

  AccountProfilesContract(TestDatabase kind) {
    this.kind = kind;
  }

  /**
   * Statements that make this database refuse to store a profile named {@code Refused}, as a
   * failure in the middle of a call.
   */
  abstract String[] refuseTheNameRefused();

  @BeforeEach
  void newDatabase() throws Exception {
    url = kind.newUrl(data);
  }

  @Test
  void profilesAreToldApartAsAddedChangedAndUnchanged() throws Exception {
    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(
          new ProfileTally(3, 0, 0),
          database.putProfiles(
              Map.of(
                  1L, new AccountProfile("One", ""),
                  2L, new AccountProfile("Two", "West"),
                  4L, new AccountProfile("Four", ""))));

      assertEquals(
          new ProfileTally(1, 2, 1),
          database.putProfiles(
              Map.of(
                  1L, new AccountProfile("One", "North"), // another team
                  2L, new AccountProfile("Two", "West"),
                  3L, new AccountProfile("Three", ""),
                  4L, new AccountProfile("Fore", "")))); // another name
      assertEquals(
          Map.of(
              1L, new AccountProfile("One", "North"),
              2L, new AccountProfile("Two", "West"),
              3L, new AccountProfile("Three", ""),
              4L, new AccountProfile("Fore", "")),
          database.directory().lookupAll(new long[] {1, 2, 3, 4}));
    }
  }

  @Test
  void theDirectoryReadsThemAlsoAfterAReopen() throws Exception {
    try (AccountDatabase database = AccountDatabase.open(url)) {
      database.putProfiles(Map.of(7L, new AccountProfile("Kestrel Merchants", "East")));
      assertEquals(
          Map.of(7L, new AccountProfile("Kestrel Merchants", "East")),
          database.directory().lookupAll(new long[] {7, 8}));
    }
    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(
          new AccountProfile("Kestrel Merchants", "East"),
          database.directory().lookup(7).orElseThrow());
    }
  }

  @Test
  void manyProfilesAreStoredInOneCall() throws Exception {
    Map<Long, AccountProfile> many = new LinkedHashMap<>();
    LongStream.rangeClosed(1, 1_234)
        .forEach(id -> many.put(id * 3, new AccountProfile("N" + id, "")));
    try (AccountDatabase database = AccountDatabase.open(url)) {
      assertEquals(new ProfileTally(1_234, 0, 0), database.putProfiles(many));
      assertEquals(new ProfileTally(0, 0, 1_234), database.putProfiles(many));
      assertEquals(
          many, database.directory().lookupAll(many.keySet().stream().mapToLong(l -> l).toArray()));
    }
  }

  @Test
  void aFailureStoresNoneOfTheCallsProfiles() throws Exception {
    try (AccountDatabase database = AccountDatabase.open(url)) {
      database.putProfiles(Map.of(1L, new AccountProfile("One", "")));
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        for (String sql : refuseTheNameRefused()) {
          statement.execute(sql);
        }
      }
      Map<Long, AccountProfile> batch = new LinkedHashMap<>();
      LongStream.rangeClosed(1, 900).forEach(id -> batch.put(id, new AccountProfile("New", "")));
      batch.put(901L, new AccountProfile("Refused", "")); // in the second batch of writes

      assertThrows(SQLException.class, () -> database.putProfiles(batch));

      assertEquals(
          Map.of(1L, new AccountProfile("One", "")),
          database.directory().lookupAll(LongStream.rangeClosed(1, 901).toArray()));
      assertEquals(
          new ProfileTally(1, 0, 0),
          database.putProfiles(Map.of(2L, new AccountProfile("Two", ""))));
    }
  }

  @Test
  void aClosedDatabaseStoresNothing() throws Exception {
    AccountDatabase database = AccountDatabase.open(url);
    database.close();

    assertThrows(
        SQLException.class, () -> database.putProfiles(Map.of(1L, new AccountProfile("One", ""))));
  }
}
