/**
 * The figures on top of the wall: their model ({@code FiguresModel}: live accounts, widgets sold
 * and their change against an hour ago, orders per minute and their last hour, the newest account),
 * today's figures ({@code TodayModel}, fed by {@code OrderTally}) and the daily goal ({@code
 * GoalModel}), the tiles that show them ({@code FiguresPane}, {@code KpiTile}, {@code Sparkline})
 * and their part of the stylesheet ({@code figures.css}). Depends on {@code journal} (a step of the
 * order history, to seed the last hour and today), {@code day} (the wall's day and the pace),
 * {@code ui.table} (the rows it hears of) and {@code ui.text}.
 */
package com.accountwall.ui.figures;
