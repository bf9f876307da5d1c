/**
 * The wall celebrating: its model ({@code CelebrationModel}: big orders, new accounts summarised in
 * a rush, the daily goal reached once a day, queued one banner at a time), the banner across the
 * wall that shows each for a few seconds ({@code CelebrationBanner}), in kiosk mode too, the last
 * few under the Top 10 ({@code RecentCelebrations}) and its stylesheet ({@code celebrate.css}).
 * Depends on {@code core} (the accounts ordered) and {@code ui.text}.
 */
package com.accountwall.ui.celebrate;
