/**
 * The wall asleep outside its schedule: its model ({@code SleepModel}: whether the wall is asleep
 * now by its {@code settings.Schedule}, and the time to show while it is), the curtain that covers
 * the whole window with a dim clock on black ({@code SleepCurtain}), in kiosk mode too and over the
 * stale banner, and its stylesheet ({@code sleep.css}), the same in either theme. Only the window
 * sleeps: the wall takes orders and its model follows them as ever. Depends on {@code settings} and
 * {@code ui.text} only.
 */
package com.accountwall.ui.sleep;
