/**
 * How the window speaks: its words, from a resource bundle in the wall's language ({@link
 * com.accountwall.ui.text.Texts}), and how it writes counts, times of day and lifetimes for the
 * wall's locale; countdowns, which read alike everywhere. Every room of the window may use it; it
 * depends on nothing of the wall and on no JavaFX.
 */
package com.accountwall.ui.text;
