/**
 * The wall unattended: kiosk mode ({@code KioskMode}: full screen, nothing meant for a person at a
 * keyboard, the idle cursor hidden), the pages of rows turned on a timer ({@code Pager}, shown by
 * {@code PageIndicator}) and their part of the stylesheet ({@code kiosk.css}). Depends on no other
 * package of the wall.
 */
package com.accountwall.ui.kiosk;
