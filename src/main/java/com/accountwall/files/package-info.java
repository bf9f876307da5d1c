/**
 * The data folder and the small files in it: one owner per folder (its lock), files replaced whole
 * and readable by their owner only, and the saved settings. Depends on {@code settings} only.
 */
package com.accountwall.files;
