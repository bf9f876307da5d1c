package com.accountwall.ui.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Amounts filed in a ring of equal time slots, such as widgets per second over the last minute.
 * Adding and summing cost the same however many amounts came in; slots that time has passed are
 * reset when the ring comes round to them, and an amount for a slot the ring has already passed is
 * dropped. Confined to one thread.
 */
final class Buckets {
  private final long widthSeconds;
  private final long[] slots;
  private final long[] amounts;

  Buckets(int count, Duration width) {
    this.widthSeconds = width.toSeconds();
    this.slots = new long[count];
    this.amounts = new long[count];
    Arrays.fill(slots, Long.MIN_VALUE);
  }

  void add(Instant at, long amount) {
    long slot = slotOf(at);
    int index = indexOf(slot);
    if (slots[index] > slot) {
      return; // the ring has come round past it: a later slot holds the place
    }
    if (slots[index] != slot) {
      slots[index] = slot;
      amounts[index] = 0;
    }
    amounts[index] += amount;
  }

  /** Forgets every amount. */
  void clear() {
    Arrays.fill(slots, Long.MIN_VALUE);
    Arrays.fill(amounts, 0);
  }

  /** The sum over the ring's span up to and including the slot of {@code now}. */
  long sum(Instant now) {
    long total = 0;
    for (long amount : values(now)) {
      total += amount;
    }
    return total;
  }

  /** Each slot's amount, oldest first, the last being the slot of {@code now}. */
  long[] values(Instant now) {
    long newest = slotOf(now);
    long[] values = new long[slots.length];
    for (int i = 0; i < slots.length; i++) {
      long slot = newest - (slots.length - 1 - i);
      int index = indexOf(slot);
      values[i] = slots[index] == slot ? amounts[index] : 0;
    }
    return values;
  }

  private long slotOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), widthSeconds);
  }

  private int indexOf(long slot) {
    return (int) Math.floorMod(slot, (long) slots.length);
  }
}
