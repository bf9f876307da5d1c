package com.accountwall.core;

import java.util.Objects;

/** What the {@link AccountDirectory} knows about an account beyond its id. */
public record AccountProfile(String name, String attribute) {
  public AccountProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attribute, "attribute");
  }
}
