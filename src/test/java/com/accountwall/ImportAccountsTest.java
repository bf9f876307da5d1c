package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.MutableClock;
import com.accountwall.core.Order;
import com.accountwall.store.AccountDatabase;
import com.accountwall.store.AccountsFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --import-accounts}: a good file is stored before the wall starts, reported, and names the
 * accounts; a refused one stops the start and changes nothing, however late in the file its fault.
 */
class ImportAccountsTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path data;
  @TempDir Path files;

  private Wall start(Path accounts) throws Exception {
    return Wall.start(
        WallOptions.parse(
            "--headless",
            "--port=0",
            "--data=" + data,
            "--token=test-token",
            "--import-accounts=" + accounts),
        new MutableClock(START));
  }

  /** Starts a wall importing {@code accounts}, and returns what it printed, the wall closed. */
  private String startAndStop(Path accounts) throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      start(accounts).close();
    } finally {
      System.setOut(out);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  private Path csv(String name, String text) throws Exception {
    return Files.writeString(files.resolve(name), text);
  }

  @Test
  void aGoodFileIsReportedAndNamesTheAccounts() throws Exception {
    Path first = csv("accounts.csv", "id,name,team\n10,Northwind Traders,North\n11,Acme,\n");
    assertTrue(
        startAndStop(first)
            .startsWith("imported " + first + ": 2 added, 0 changed, 0 unchanged\n"));

    Path second =
        csv("accounts-2.csv", "id,name,team\n10,Northwind Traders,North\n11,Acme,East\n12,Z,\n");
    assertTrue(
        startAndStop(second)
            .startsWith("imported " + second + ": 1 added, 1 changed, 1 unchanged\n"));

    try (Wall wall = start(second)) {
      wall.orders().place(List.of(new Order(11, 2))).get();
      Await.until(
          () -> wall.supervisor().details(11).map(d -> d.name().equals("Acme")).orElse(false),
          Duration.ofSeconds(10),
          () -> "account 11 named from the file: " + wall.supervisor().details(11));
      assertEquals("East", wall.supervisor().details(11).orElseThrow().attribute());
    }
  }

  @Test
  void aFileWithABadLastRowChangesNothing() throws Exception {
    startAndStop(csv("accounts.csv", "id,name,team\n10,Before,Team\n"));
    Map<Long, String> before = stored();
    StringBuilder text = new StringBuilder("id,name,team\n10,After,Team\n");
    for (int id = 20; id < 1_520; id++) {
      text.append(id).append(",Name ").append(id).append(",\n");
    }
    text.append("1520,Bell\u0007,\n");
    Path bad = csv("bad.csv", text.toString());

    AccountsFile.RefusedException refused =
        assertThrows(AccountsFile.RefusedException.class, () -> start(bad));

    assertEquals(
        bad + " line 1503, column name: control character U+0007 at character 5",
        refused.getMessage());
    assertEquals(before, stored());
    assertEquals(Map.of(10L, "Before|Team"), before);
  }

  @Test
  void aRefusedFileStopsTheStartBeforeTheDatabaseIsOpened() throws Exception {
    Path bad = csv("bad.csv", "id,name,team\n5,A,\n5,B,\n");

    assertThrows(AccountsFile.RefusedException.class, () -> start(bad));

    assertFalse(Files.exists(data.resolve("account-wall.db")), "not even created");
  }

  /** The accounts table as {@code name|attribute} by id. */
  private Map<Long, String> stored() throws Exception {
    Map<Long, String> rows = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(AccountDatabase.embeddedUrl(data));
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT account_id, name, attribute FROM accounts")) {
      while (row.next()) {
        rows.put(row.getLong(1), row.getString(2) + "|" + row.getString(3));
      }
    }
    return rows;
  }
}
