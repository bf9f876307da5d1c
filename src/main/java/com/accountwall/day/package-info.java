/**
 * The wall's day: when a day (or a shift) starts and ends in the wall's time zone, the same time of
 * day yesterday, and the pace of a day's figure. Plain Java, with no clock of its own: every method
 * takes the instant it is asked about, so tests move time by hand. Depends on nothing of the wall.
 */
package com.accountwall.day;
