package com.accountwall.kafka;

import com.accountwall.core.Order;
import com.accountwall.journal.IdempotencyKey;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One event of the order log, as a Kafka record's value holds it, in JSON: {@code
 * {"v":1,"type":"order","orders":[{"accountId":10,"quantity":3}],"wall":"…","seq":7}} or {@code
 * {"v":1,"type":"end","id":10,"wall":"…","seq":8}}. Every account of an event belongs to the
 * record's partition (the partition the producer picks for the account id as key), so all events of
 * an account are in one partition, in order. An order event holds one order, or the part of a batch
 * that falls in its partition. The record's timestamp is when the orders were made. {@code wall}
 * and {@code seq} name the wall's run that wrote it and its request there, so that run can answer
 * its caller once it has applied the event itself.
 *
 * <p>An order event of a request with an {@link IdempotencyKey} also holds {@code
 * "key":{"value":"…","fingerprint":"…","accepted":3,"last":true}}: the key, how many orders the
 * whole request has, and whether this part holds its last order (whose account the receipt names).
 * Every part of a keyed batch carries the key, so each partition decides alone which copy of a part
 * counts ({@link AppliedKeys}). Events written before keys existed have none and read as unkeyed.
 *
 * <p>Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalEvent(
    int v, String type, List<Order> orders, Long id, String wall, long seq, KeyPart key) {
  static final int VERSION = 1;
  static final String ORDER = "order";
  static final String END = "end";
  private static final ObjectMapper JSON = new ObjectMapper();

  JournalEvent {
    orders = orders == null ? null : List.copyOf(orders);
  }

  /**
   * The idempotency key of a request on one of its parts.
   *
   * @param accepted how many orders the whole request has
   * @param last whether this part holds the request's last order
   */
  record KeyPart(String value, String fingerprint, int accepted, boolean last) {
    IdempotencyKey key() {
      return new IdempotencyKey(value, fingerprint);
    }
  }

  static JournalEvent orders(List<Order> orders, String wall, long seq) {
    return new JournalEvent(VERSION, ORDER, orders, null, wall, seq, null);
  }

  /** A part of a keyed request: {@code orders} are those of the request on one partition. */
  static JournalEvent keyedOrders(List<Order> orders, String wall, long seq, KeyPart key) {
    return new JournalEvent(VERSION, ORDER, orders, null, wall, seq, key);
  }

  static JournalEvent end(long id, String wall, long seq) {
    return new JournalEvent(VERSION, END, null, id, wall, seq, null);
  }

  boolean isOrder() {
    return ORDER.equals(type);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an event as JSON: " + this, e);
    }
  }

  /**
   * Reads an event.
   *
   * @throws IllegalArgumentException naming what is wrong, if it is not an event of a known version
   *     and type, with orders of positive ids and quantities or a positive id to end, and a valid
   *     key if it has one
   */
  static JournalEvent parse(String json) {
    JournalEvent event;
    try {
      event =
          JSON.readValue(
              json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8),
              JournalEvent.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a journal event: " + e.getMessage(), e);
    }
    if (event.v != VERSION) {
      throw new IllegalArgumentException(
          "journal event of version " + event.v + "; this wall reads version " + VERSION);
    }
    boolean valid =
        switch (event.type == null ? "" : event.type) {
          case ORDER -> event.orders != null && !event.orders.isEmpty();
          case END -> event.id != null && event.id > 0;
          default ->
              throw new IllegalArgumentException("journal event of unknown type " + event.type);
        };
    if (!valid) {
      throw new IllegalArgumentException(
          "journal event without orders, or without an id to end: " + json);
    }
    if (event.key != null) {
      if (!event.isOrder()
          || event.key.accepted() < event.orders.size()
          || event.key.fingerprint() == null) {
        throw new IllegalArgumentException("journal event with an incomplete key: " + json);
      }
      event.key
          .key(); // IllegalArgumentException naming the fault, for a value no client could have
      // sent
    }
    return event;
  }
}
