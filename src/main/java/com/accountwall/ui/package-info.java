/**
 * The window: FXML views, CSS, and view models that apply the core's changes once per frame. The
 * only package, with {@code AccountWallApp}, that uses JavaFX. Depends on {@code core}, {@code
 * generator}, {@code settings} and {@code api} (the address it shows).
 */
package com.accountwall.ui;
