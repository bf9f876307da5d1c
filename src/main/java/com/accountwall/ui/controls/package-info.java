/**
 * The demo controls beside the table: their model ({@code ControlsModel}: orders for a typed id or
 * the selected row, ending an account, simulated orders, the lifetime, the theme, kiosk mode, and
 * the API's token in {@code ApiTokenModel}), the controller of {@code controls.fxml} that binds
 * them, and their part of the stylesheet ({@code controls.css}). Depends on {@code api} (the
 * token), {@code core}, {@code generator}, {@code settings}, {@code ui.table} (the selected row)
 * and {@code ui.text}.
 */
package com.accountwall.ui.controls;
