/**
 * The data folder and the small files in it: one owner per folder (its lock), files replaced whole
 * and readable by their owner only, the saved settings, and where the folder is by default on each
 * platform. Depends on {@code settings}, and on {@code core} for the rule of a team's name.
 */
package com.accountwall.files;
