package com.accountwall.core;

import java.time.Instant;

/**
 * A consistent snapshot of one account: the seed's {@code Account.details/1}.
 *
 * @param accountId the account's id
 * @param name the account's name ("Account &lt;id&gt;" unless the directory knows better)
 * @param attribute a free-form attribute from the directory, empty when unknown
 * @param widgetsOrdered widgets ordered since the account was created
 * @param expiresAt when the account ends unless it orders again
 */
public record AccountDetails(long accountId, String name, String attribute, long widgetsOrdered, Instant expiresAt) {}
