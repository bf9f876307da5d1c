/**
 * The display's state, one model that the window and {@code /api/display} both change and read
 * ({@code DisplayState}), and a change to it ({@code DisplayChange}): the theme, kiosk mode and
 * paging, the daily goal, the simulated orders, the lifetime, the schedule and the team shown. It
 * applies what applies without a window (the simulated orders, the lifetime) and remembers every
 * change in the settings; the window follows it frame by frame. Plain Java: a headless wall has it
 * too. Depends on {@code settings}, {@code generator} and {@code core} (the rule for a team's
 * name).
 */
package com.accountwall.display;
