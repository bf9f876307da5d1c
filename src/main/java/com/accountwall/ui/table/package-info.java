/**
 * The table of live accounts: its model ({@code TableModel}: one row per account, kept in step with
 * the core once per frame, with the rows' animations), the table itself ({@code AccountTable}) with
 * its cells, sort and selection, and the rows' part of the stylesheet ({@code table.css}). Other
 * rooms read its rows and hear of them through {@code RowListener}. Depends on {@code core} and
 * {@code ui.text}.
 */
package com.accountwall.ui.table;
