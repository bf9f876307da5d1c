package com.accountwall.store;

import java.nio.file.Path;

/**
 * The databases the store's tests run on, each test on a new, empty one: the embedded SQLite file a
 * wall keeps by default, and PostgreSQL as {@code --db-url} names it, on a real server.
 */
enum TestDatabase {
  SQLITE {
    @Override
    String newUrl(Path dataFolder) {
      return AccountDatabase.embeddedUrl(dataFolder);
    }
  },
  /**
   * On the JVM's shared {@link TestPostgres}; the test is skipped, saying why, where PostgreSQL is
   * not installed.
   */
  POSTGRESQL {
    @Override
    String newUrl(Path dataFolder) throws Exception {
      return TestPostgres.shared().newDatabase();
    }
  };

  /** The JDBC URL of a new, empty database; {@code dataFolder} is the test's own empty folder. */
  abstract String newUrl(Path dataFolder) throws Exception;
}
