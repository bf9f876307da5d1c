/**
 * The live accounts: the seed's {@code Registry}, {@code AccountSupervisor} and {@code Account},
 * with expiry on an injected {@code Clock}. Plain Java: it depends on no other package of the wall
 * and on no JavaFX, and every other package may depend on it.
 */
package com.accountwall.core;
