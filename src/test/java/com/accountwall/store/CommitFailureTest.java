package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL states a database server that is gone reports, as PostgreSQL's driver gives them, name
 * the server.
 */
class CommitFailureTest {
  @ParameterizedTest
  @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03"})
  void aServerThatIsStoppingStartingOrUnreachableIsNamed(String state) {
    assertEquals(
        "the database server cannot be reached (said the driver)",
        CommitFailure.describe(new SQLException("said the driver", state)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"57014", "42P01"})
  void otherStatesAreTheDriversOwnWords(String state) {
    assertEquals(
        "said the driver", CommitFailure.describe(new SQLException("said the driver", state)));
  }
}
