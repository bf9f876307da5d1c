package com.accountwall.store;

/**
 * Where the checkpoint of the live accounts stands in the history.
 *
 * @param upToSeq the last history row it includes
 * @param lifetimeMillis the lifetime it was projected under; 0 if unknown (an older build wrote it)
 */
record Checkpoint(long upToSeq, long lifetimeMillis) {}
