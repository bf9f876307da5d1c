/**
 * Burn-in protection: where the whole window stands now ({@code PixelShift}), a few pixels off its
 * place along a slow cycle, so no edge stays on the same pixels of the screen for hours. Depends on
 * no other package of the wall.
 */
package com.accountwall.ui.burnin;
