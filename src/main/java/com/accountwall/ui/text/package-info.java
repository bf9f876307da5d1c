/**
 * How the window writes numbers and times: counts with thousands separators, countdowns and
 * lifetimes in words, times of day, the same on every screen whatever the machine's locale. Every
 * room of the window may use it; it depends on nothing of the wall and on no JavaFX.
 */
package com.accountwall.ui.text;
