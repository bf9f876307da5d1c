/**
 * The HTTP order API on Netty: strict requests, answers only once an order is durable in the {@code
 * journal} (a future, never a parked thread), per-connection time limits and a connection cap,
 * HTTPS from PEM files, its bearer tokens, and {@code GET /metrics} with the order meters ({@code
 * OrderMeters}, recorded through Micrometer's facade in the registry it is given), and the
 * display's remote control, {@code /api/display}, over {@code display.DisplayState}. Depends on
 * {@code core}, {@code journal}, {@code files}, {@code settings} and {@code display} of the wall,
 * and on Netty and Micrometer.
 */
package com.accountwall.api;
