package com.accountwall.store;

/**
 * Profiles on a real PostgreSQL server (see {@link TestPostgres}): the {@linkplain
 * AccountProfilesContract contract}; skipped where PostgreSQL is not installed.
 */
class AccountProfilesOnPostgresqlTest extends AccountProfilesContract {
  AccountProfilesOnPostgresqlTest() {
    super(TestDatabase.POSTGRESQL);
  }

  @Override
  String[] refuseTheNameRefused() {
    return new String[] {
      "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
          + " IF NEW.name = 'Refused' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$",
      "CREATE TRIGGER refuse BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION refuse()"
    };
  }
}
