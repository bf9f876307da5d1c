/**
 * What the wall remembers across restarts, as values, and the rules for them (a theme, a rate, a
 * lifetime), and the {@code Schedule} it is awake by (given on the command line; not yet saved).
 * Depends on no other package of the wall and on no JavaFX; the file they are kept in is {@code
 * files.SettingsFile}.
 */
package com.accountwall.settings;
