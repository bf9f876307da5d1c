package com.accountwall.store;

/**
 * The embedded journal on a real PostgreSQL server (see {@link TestPostgres}): the {@linkplain
 * DurableOrdersContract contract}; skipped where PostgreSQL is not installed.
 */
class DurableOrdersOnPostgresqlTest extends DurableOrdersContract {
  DurableOrdersOnPostgresqlTest() {
    super(TestDatabase.POSTGRESQL);
  }
}
