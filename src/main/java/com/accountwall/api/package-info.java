/**
 * The HTTP order API on Netty: strict requests, answers only once an order is durable in the {@code
 * journal} (a future, never a parked thread), per-connection time limits and a connection cap,
 * HTTPS from PEM files, and its bearer tokens. Depends on {@code core}, {@code journal} and {@code
 * files} of the wall, and on Netty.
 */
package com.accountwall.api;
