/**
 * The top ten: its model ({@code Leaderboard}: the ten accounts with the most widgets and how each
 * moved, ranked twice a second from a few candidates), its view ({@code LeaderboardView}) and its
 * part of the stylesheet ({@code leaderboard.css}). Depends on {@code ui.table} (the rows it ranks)
 * and {@code ui.text}.
 */
package com.accountwall.ui.leaderboard;
