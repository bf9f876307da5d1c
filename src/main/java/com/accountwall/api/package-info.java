/**
 * The HTTP order API: strict requests, answers only once an order is durable in the {@code
 * journal}, and its bearer token. Depends on {@code core}, {@code journal} and {@code files}.
 */
package com.accountwall.api;
