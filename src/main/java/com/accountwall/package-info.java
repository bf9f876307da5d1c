/**
 * Start-up: the command line ({@code WallOptions}) and the configuration it makes ({@code
 * WallConfig}, immutable, checked when built), {@code Wall} (every part but the window, started in
 * order and stopped in reverse), the JavaFX {@code AccountWallApp} and the {@code Launcher}. The
 * one package that may depend on all the others; nothing depends on it.
 */
package com.accountwall;
