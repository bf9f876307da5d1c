/**
 * One account's details over the wall: its model ({@code DetailsModel}: the core's details of the
 * account chosen in the table, followed once per frame, with its first order and its widgets per
 * hour from the order history, closed by a timeout, and kept shut in kiosk mode and asleep), the
 * card that shows it over a dimmed wall ({@code DetailsCard}), and its stylesheet ({@code
 * details.css}) in the theme's colours. Depends on {@code core}, {@code journal}, {@code ui.text}
 * and the sparkline of {@code ui.figures}.
 */
package com.accountwall.ui.details;
