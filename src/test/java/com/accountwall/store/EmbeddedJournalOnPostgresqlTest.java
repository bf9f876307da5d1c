package com.accountwall.store;

/**
 * The embedded journal on a real PostgreSQL server (see {@link TestPostgres}): the {@linkplain
 * EmbeddedJournalContract contract}; skipped where PostgreSQL is not installed.
 */
class EmbeddedJournalOnPostgresqlTest extends EmbeddedJournalContract {
  EmbeddedJournalOnPostgresqlTest() {
    super(TestDatabase.POSTGRESQL);
  }
}
