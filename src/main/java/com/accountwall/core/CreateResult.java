package com.accountwall.core;

/**
 * The answer of {@link AccountSupervisor#create}: the seed's {@code {:ok, id}} or {@code {:error,
 * :process_already_exists}}.
 *
 * @param account the new account, or the live one that was already there
 * @param created whether this call created {@code account}
 */
public record CreateResult(Account account, boolean created) {

  public boolean alreadyExists() {
    return !created;
  }
}
