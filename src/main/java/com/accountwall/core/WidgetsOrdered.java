package com.accountwall.core;

/**
 * One element of {@link AccountSupervisor#allWidgetsOrdered()}: the seed's {@code %{account_id: 2,
 * widgets_sold: 1}}.
 */
public record WidgetsOrdered(long accountId, long widgetsSold) {}
