package com.accountwall.store;

import com.accountwall.core.Account;
import com.accountwall.core.AccountProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an accounts file for {@code --import-accounts}: CSV (RFC 4180: comma-separated, a field
 * with commas, quotes or line breaks in double quotes, a quote in it doubled) in UTF-8, whose first
 * line is the header {@code id,name,team} and each later line an account: its id as {@link
 * Account#parseId} reads one, a name and a team as {@link AccountProfile#problemWith} takes them,
 * an empty team for none. A UTF-8 byte order mark before the header is skipped, and so are empty
 * lines; nothing else is forgiven: not a byte that is not UTF-8, a row of more or fewer fields, an
 * id given twice, or spaces around a field (they are part of it).
 *
 * <p>The whole file is checked before anything is stored, so a file is imported whole or not at
 * all: a refusal names the file, the line (where the row starts) and the column, as {@code
 * accounts.csv line 7, column name: control character U+0007 at character 5}.
 *
 * <p>Thread-safe: stateless.
 */
public final class AccountsFile {
  static final List<String> HEADER = List.of("id", "name", "team");
  private static final List<String> EMPTY_LINE = List.of("");
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  // Not its SKIP_EMPTY_LINES, which also drops the spaces that begin a line's first field.
  private static final CsvFactory CSV = new CsvFactory();

  private AccountsFile() {}

  /** A file that cannot be imported; its message says where and why, in one line. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * The profiles in {@code file}, by id, in the file's order.
   *
   * @throws RefusedException naming the file, and the line and column where one is to blame, if it
   *     cannot be read or any of it breaks the format
   */
  public static Map<Long, AccountProfile> read(Path file) throws RefusedException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RefusedException(file + ": cannot be read (" + e + ")");
    }
    return parse(file.toString(), decode(file.toString(), bytes));
  }

  /** The bytes as text, a byte order mark skipped; refused at the first byte that is not UTF-8. */
  private static String decode(String name, byte[] bytes) throws RefusedException {
    int start = startsWithByteOrderMark(bytes) ? BYTE_ORDER_MARK.length : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    if (utf8.decode(in, out, true).isError() || utf8.flush(out).isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new RefusedException(
          String.format(
              "%s line %d: not well-formed UTF-8 at byte %d of the line (0x%02x); save it as UTF-8",
              name, line, offset - lineStart + 1, bytes[offset] & 0xFF));
    }
    return out.flip().toString();
  }

  private static boolean startsWithByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && bytes[0] == BYTE_ORDER_MARK[0]
        && bytes[1] == BYTE_ORDER_MARK[1]
        && bytes[2] == BYTE_ORDER_MARK[2];
  }

  private static Map<Long, AccountProfile> parse(String name, String text) throws RefusedException {
    Map<Long, AccountProfile> profiles = new LinkedHashMap<>();
    Map<Long, Integer> lineOf = new HashMap<>();
    boolean header = true;
    try (CsvParser csv = (CsvParser) CSV.createParser(text)) {
      csv.setSchema(CsvSchema.emptySchema());
      while (csv.nextToken() == JsonToken.START_ARRAY) {
        int line = csv.currentLocation().getLineNr();
        List<String> fields = new ArrayList<>(HEADER.size());
        while (csv.nextToken() == JsonToken.VALUE_STRING) {
          fields.add(csv.getText());
        }
        if (fields.equals(EMPTY_LINE)) {
          continue;
        }
        if (header) {
          if (!fields.equals(HEADER)) {
            throw new RefusedException(
                name
                    + " line "
                    + line
                    + ": the first line must be the header id,name,team, not "
                    + String.join(",", fields));
          }
          header = false;
          continue;
        }
        if (fields.size() != HEADER.size()) {
          throw new RefusedException(
              name
                  + " line "
                  + line
                  + ": "
                  + fields.size()
                  + (fields.size() == 1 ? " field" : " fields")
                  + ", where a row has 3: id,name,team");
        }
        String where = name + " line " + line + ", column ";
        long id = Account.parseId(fields.get(0));
        if (id < 0) {
          throw new RefusedException(
              where
                  + "id: '"
                  + fields.get(0)
                  + "' is not an account id (a positive integer in plain decimal, no sign, no"
                  + " leading zero, no space, that fits a signed 64-bit long)");
        }
        Integer earlier = lineOf.putIfAbsent(id, line);
        if (earlier != null) {
          throw new RefusedException(
              where + "id: account " + id + " is on line " + earlier + " already");
        }
        String problem = AccountProfile.problemWith(fields.get(1));
        if (problem != null) {
          throw new RefusedException(where + "name: " + problem);
        }
        String team = fields.get(2);
        problem = team.isEmpty() ? null : AccountProfile.problemWith(team);
        if (problem != null) {
          throw new RefusedException(where + "team: " + problem);
        }
        profiles.put(id, new AccountProfile(fields.get(1), team));
      }
    } catch (RefusedException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new RefusedException(
          name
              + " line "
              + e.getLocation().getLineNr()
              + ": not valid CSV: "
              + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "));
    } catch (IOException e) {
      throw new IllegalStateException("reading text in memory failed", e);
    }
    if (header) {
      throw new RefusedException(name + ": empty; its first line must be the header id,name,team");
    }
    return profiles;
  }

  /** What an import did, as the start reports it: "imported accounts.csv: 120 added, …". */
  public static String report(Path file, ProfileTally tally) {
    return "imported "
        + file
        + ": "
        + tally.added()
        + " added, "
        + tally.changed()
        + " changed, "
        + tally.unchanged()
        + " unchanged";
  }
}
