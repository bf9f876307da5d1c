package com.accountwall.store;

import com.accountwall.journal.JournalUnavailableException;

/** An order was applied but could not be committed to the database in time, so it was not acknowledged. */
public final class StoreUnavailableException extends JournalUnavailableException {
  StoreUnavailableException(String message) {
    super(message);
  }
}
