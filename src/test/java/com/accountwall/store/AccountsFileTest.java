package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.accountwall.core.AccountProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading an accounts file: what it takes, and each refusal naming its line and column. */
class AccountsFileTest {
  @TempDir Path folder;

  private Path file(String text) throws Exception {
    return file(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(byte[] bytes) throws Exception {
    Path file = folder.resolve("accounts.csv");
    Files.write(file, bytes);
    return file;
  }

  private String refusal(String text) throws Exception {
    Path file = file(text);
    return assertThrows(AccountsFile.RefusedException.class, () -> AccountsFile.read(file))
        .getMessage()
        .replace(file.toString(), "accounts.csv");
  }

  @Test
  void rfc4180QuotingCommasAndAnEmptyTeam() throws Exception {
    Path file =
        file(
            "id,name,team\r\n"
                + "422,\"Acme, Widgets \"\"North\"\" GmbH\",North\r\n"
                + "\r\n"
                + "7,Kestrel Merchants,\r\n"
                + "8, Spaced ,\"\"\n");

    Map<Long, AccountProfile> profiles = AccountsFile.read(file);

    assertEquals(
        Map.of(
            422L, new AccountProfile("Acme, Widgets \"North\" GmbH", "North"),
            7L, new AccountProfile("Kestrel Merchants", ""),
            8L, new AccountProfile(" Spaced ", "")),
        profiles);
    assertEquals(List.of(422L, 7L, 8L), List.copyOf(profiles.keySet()), "in the file's order");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsSkipped() throws Exception {
    byte[] text = "id,name,team\n5,Café Ünal,Süd\n".getBytes(StandardCharsets.UTF_8);
    byte[] marked = new byte[text.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(text, 0, marked, 3, text.length);

    assertEquals(
        Map.of(5L, new AccountProfile("Café Ünal", "Süd")), AccountsFile.read(file(marked)));
  }

  @Test
  void aHeaderAloneImportsNothing() throws Exception {
    assertEquals(Map.of(), AccountsFile.read(file("id,name,team\n")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                                  | accounts.csv: empty; its first line must be the header id,name,team",
        "id,name\\n1,A\\n                    | accounts.csv line 1: the first line must be the header id,name,team, not id,name",
        "ID,Name,Team\\n                     | accounts.csv line 1: the first line must be the header id,name,team, not ID,Name,Team",
        "1,Acme,North\\n                     | accounts.csv line 1: the first line must be the header id,name,team, not 1,Acme,North",
        "H\\n1,Acme\\n                       | accounts.csv line 2: 2 fields, where a row has 3: id,name,team",
        "H\\n  \\n1,A,\\n                   | accounts.csv line 2: 1 field, where a row has 3: id,name,team",
        "H\\n1,Acme,North,\\n                | accounts.csv line 2: 4 fields, where a row has 3: id,name,team",
        "H\\n05,Acme,\\n                     | accounts.csv line 2, column id: '05' is not an account id",
        "H\\n+5,Acme,\\n                     | accounts.csv line 2, column id: '+5' is not an account id",
        "H\\n 5,Acme,\\n                     | accounts.csv line 2, column id: ' 5' is not an account id",
        "H\\n0,Acme,\\n                      | accounts.csv line 2, column id: '0' is not an account id",
        "H\\n9223372036854775808,Acme,\\n    | accounts.csv line 2, column id: '9223372036854775808' is not an account id",
        "H\\n,Acme,\\n                       | accounts.csv line 2, column id: '' is not an account id",
        "H\\n5,A,\\n\\n6,B,\\n5,C,\\n        | accounts.csv line 5, column id: account 5 is on line 2 already",
        "H\\n5,,North\\n                     | accounts.csv line 2, column name: empty: give 1 to 200 characters",
        "H\\n5,NAME201,\\n                   | accounts.csv line 2, column name: 201 characters: at most 200",
        "H\\n5,A\u0007B,\\n                  | accounts.csv line 2, column name: control character U+0007 at character 2",
        "H\\n5,\"A\\nB\",\\n                 | accounts.csv line 2, column name: control character U+000A at character 2",
        "H\\n5,\"A\",\"x\\ty\"\\n            | accounts.csv line 2, column team: control character U+0009 at character 2",
        "H\\n5,Acme,NAME201\\n               | accounts.csv line 2, column team: 201 characters: at most 200",
        "H\\n5,Acme,\u2028\\n                | accounts.csv line 2, column team: line separator U+2028 at character 1",
        "H\\n5,\"Acme\"x,\\n                 | accounts.csv line 2: not valid CSV: Unexpected character ('x'",
        "H\\n5,\"Acme,\\n6,B,\\n            | accounts.csv line 4: not valid CSV: Missing closing quote for value",
      })
  void aRefusalNamesTheLineAndTheColumn(String text, String refusal) throws Exception {
    String file =
        text.replace("H\\n", "id,name,team\\n")
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("NAME201", "n".repeat(201));

    String message = refusal(file);

    assertEquals(
        refusal, message.substring(0, Math.min(message.length(), refusal.length())), message);
  }

  @Test
  void aByteThatIsNotUtf8IsRefusedNamingItsLine() throws Exception {
    byte[] latin1 = "id,name,team\n5,Acme,\n6,Caf\u00e9,\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = file(latin1);

    String message =
        assertThrows(AccountsFile.RefusedException.class, () -> AccountsFile.read(file))
            .getMessage();

    assertEquals(
        file + " line 3: not well-formed UTF-8 at byte 6 of the line (0xe9); save it as UTF-8",
        message);
  }

  @Test
  void aFileThatCannotBeReadIsRefusedNamingIt() {
    Path missing = folder.resolve("missing.csv");

    String message =
        assertThrows(AccountsFile.RefusedException.class, () -> AccountsFile.read(missing))
            .getMessage();

    assertEquals(
        missing + ": cannot be read (java.nio.file.NoSuchFileException: " + missing + ")", message);
  }

  @Test
  void theReportCountsWhatTheImportDid() {
    assertEquals(
        "imported accounts.csv: 120 added, 3 changed, 17 unchanged",
        AccountsFile.report(Path.of("accounts.csv"), new ProfileTally(120, 3, 17)));
  }
}
