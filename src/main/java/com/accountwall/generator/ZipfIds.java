package com.accountwall.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws account ids from a pool with a Zipf skew: the k-th most active account orders about
 * 1/k<sup>s</sup> as often as the most active one, so a few accounts order often and most rarely.
 * Which ids are the busy ones is shuffled by the seed, so the leaders are not simply 1, 2, 3.
 *
 * <p>Not thread-safe: one generator thread owns it.
 */
final class ZipfIds {
  private final long[] idsByRank;
  private final double[] cumulative;
  private final SplittableRandom random;

  ZipfIds(int poolSize, double skew, long seed) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
    }
    if (skew < 0) {
      throw new IllegalArgumentException("skew must not be negative, was " + skew);
    }
    random = new SplittableRandom(seed);
    idsByRank = new long[poolSize];
    for (int i = 0; i < poolSize; i++) {
      idsByRank[i] = i + 1L;
    }
    for (int i = poolSize - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = idsByRank[i];
      idsByRank[i] = idsByRank[j];
      idsByRank[j] = swap;
    }
    cumulative = new double[poolSize];
    double sum = 0;
    for (int rank = 0; rank < poolSize; rank++) {
      sum += 1 / Math.pow(rank + 1, skew);
      cumulative[rank] = sum;
    }
  }

  long next() {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int rank = Arrays.binarySearch(cumulative, target);
    return idsByRank[rank >= 0 ? rank : Math.min(-rank - 1, idsByRank.length - 1)];
  }
}
