package com.accountwall.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event as "created 2", "changed 2", "ended 2". */
final class RecordingListener implements AccountListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void accountCreated(Account account) {
    events.add("created " + account.id());
  }

  @Override
  public void accountChanged(Account account) {
    events.add("changed " + account.id());
  }

  @Override
  public void accountEnded(Account account) {
    events.add("ended " + account.id());
  }
}
