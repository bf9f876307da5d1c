package com.accountwall.store;

import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Says why a commit failed in words an operator acts on ("no space left on the data folder's
 * disk"), from the database's own error code where it has one: SQLite's result codes, and the SQL
 * state classes every other database (PostgreSQL) reports.
 */
final class CommitFailure {
  /**
   * PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now (class 57, not 08): the
   * server is stopping, or is starting and not yet taking connections; to the wall it is not there.
   */
  private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

  private CommitFailure() {}

  static String describe(SQLException failure) {
    if (failure instanceof SQLiteException sqlite) {
      String cause = describe(sqlite.getResultCode());
      if (cause != null) {
        return cause;
      }
    }
    String state = failure.getSQLState() == null ? "" : failure.getSQLState();
    if (state.startsWith("53")) {
      return "the database server is out of disk space or memory (" + failure.getMessage() + ")";
    }
    if (state.startsWith("08") || SERVER_GOING_OR_COMING.contains(state)) {
      return "the database server cannot be reached (" + failure.getMessage() + ")";
    }
    return String.valueOf(failure.getMessage());
  }

  private static String describe(SQLiteErrorCode code) {
    return switch (primary(code)) {
      case SQLITE_FULL -> "no space left on the data folder's disk";
      case SQLITE_BUSY, SQLITE_LOCKED -> "the database is locked by another program";
      case SQLITE_READONLY -> "the database file is read-only";
      case SQLITE_IOERR -> "the disk failed to read or write the database (" + code.message + ")";
      case SQLITE_CORRUPT, SQLITE_NOTADB -> "the database file is damaged";
      case SQLITE_CANTOPEN -> "the database file cannot be opened";
      default -> null;
    };
  }

  /** An extended result code's primary code: its low byte. */
  private static SQLiteErrorCode primary(SQLiteErrorCode code) {
    return SQLiteErrorCode.getErrorCode(code.code & 0xff);
  }
}
