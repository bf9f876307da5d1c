/**
 * Simulated orders for demos: a steady rate of orders for Zipf-skewed account ids, sent to any
 * {@code core.OrderSink}. Depends on {@code core} and {@code settings} (the rule for a rate).
 */
package com.accountwall.generator;
