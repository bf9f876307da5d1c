/**
 * The wall saying that what it shows may be stale: its model ({@code StaleModel}: no order for too
 * long, or something keeping orders from arriving, and since when), the band across the top of the
 * wall that says so ({@code StaleBanner}), in kiosk mode too, and its part of the stylesheet
 * ({@code stale.css}). Depends on {@code ui.text} only.
 */
package com.accountwall.ui.stale;
