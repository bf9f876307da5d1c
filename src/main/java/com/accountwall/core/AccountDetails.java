package com.accountwall.core;

import java.time.Instant;

/**
 * One account as {@link Account#details()} read it, without a lock: the seed's {@code
 * Account.details/1}. An order racing the read may show its new deadline and not yet its widgets,
 * never its widgets without its deadline; an account's widgets and deadline are otherwise as they
 * were at one moment.
 *
 * @param accountId the account's id
 * @param name the account's name: its {@linkplain Account#defaultName built-in name} unless the
 *     directory knows better
 * @param attribute a free-form attribute from the directory, empty when unknown
 * @param widgetsOrdered widgets ordered since the account was created
 * @param expiresAt when the account ends unless it orders again
 */
public record AccountDetails(
    long accountId, String name, String attribute, long widgetsOrdered, Instant expiresAt) {}
