/**
 * The figures on top of the wall: their model ({@code FiguresModel}: live accounts, widgets sold
 * and their change against an hour ago, orders per minute and their last hour, the newest account),
 * the tiles that show them ({@code FiguresPane}, {@code KpiTile}, {@code Sparkline}) and their part
 * of the stylesheet ({@code figures.css}). Depends on {@code journal} (a step of the order history,
 * to seed the last hour), {@code ui.table} (the rows it hears of) and {@code ui.text}.
 */
package com.accountwall.ui.figures;
