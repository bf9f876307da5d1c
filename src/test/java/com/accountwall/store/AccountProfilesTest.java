package com.accountwall.store;

/** Profiles on the embedded SQLite database: the {@linkplain AccountProfilesContract contract}. */
class AccountProfilesTest extends AccountProfilesContract {
  AccountProfilesTest() {
    super(TestDatabase.SQLITE);
  }

  @Override
  String[] refuseTheNameRefused() {
    return new String[] {
      "CREATE TRIGGER refuse BEFORE INSERT ON accounts WHEN NEW.name = 'Refused'"
          + " BEGIN SELECT RAISE(ABORT, 'refused'); END"
    };
  }
}
