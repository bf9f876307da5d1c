/**
 * The window: its model ({@code WallModel}, which follows the core once per frame and holds one
 * model per room), the frame of the window ({@code wall.fxml}, {@code WallView}, {@code
 * WallController}) with the header and the status bar, and the type scaled to the screen. Each room
 * of the window is a package of its own with its model, its view and its part of the stylesheet:
 * {@code ui.table}, {@code ui.figures}, {@code ui.leaderboard}, {@code ui.kiosk}, {@code
 * ui.controls}, {@code ui.stale}, {@code ui.sleep} (the curtain over the whole window outside its
 * schedule) and {@code ui.burnin} (the shift of the whole window against burn-in), with {@code
 * ui.text} for how they all write numbers and times; rooms do not depend on this package or on each
 * other in a cycle. The only packages, with {@code AccountWallApp}, that use JavaFX. Depends on
 * {@code core}, {@code generator}, {@code settings}, {@code journal} (the order history the wall is
 * a projection of) and {@code api} (the address it shows).
 */
package com.accountwall.ui;
