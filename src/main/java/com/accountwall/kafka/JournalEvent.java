package com.accountwall.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * One event of the order log, as a Kafka record's value holds it, in JSON: {@code
 * {"v":1,"type":"order","id":10,"qty":3,"wall":"…","seq":7}} or {@code
 * {"v":1,"type":"end","id":10,"qty":0,"wall":"…","seq":8}}. The record's key is the account id in
 * decimal, so every event of an account lands on one partition, in order; the record's timestamp
 * is when the order was made. {@code wall} and {@code seq} name the wall that wrote it and its
 * request there, so that wall can answer its caller once it has applied the event itself.
 *
 * <p>Immutable.
 */
record JournalEvent(int v, String type, long id, long qty, String wall, long seq) {
  static final int VERSION = 1;
  static final String ORDER = "order";
  static final String END = "end";
  private static final ObjectMapper JSON = new ObjectMapper();

  static JournalEvent order(long id, long qty, String wall, long seq) {
    return new JournalEvent(VERSION, ORDER, id, qty, wall, seq);
  }

  static JournalEvent end(long id, String wall, long seq) {
    return new JournalEvent(VERSION, END, id, 0, wall, seq);
  }

  boolean isOrder() {
    return ORDER.equals(type);
  }

  String key() {
    return Long.toString(id);
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
   * @throws IllegalArgumentException naming what is wrong, if it is not an event of a known
   *     version and type with a positive id (and a positive quantity, for an order)
   */
  static JournalEvent parse(String json) {
    JournalEvent event;
    try {
      event = JSON.readValue(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), JournalEvent.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a journal event: " + e.getMessage(), e);
    }
    if (event.v != VERSION) {
      throw new IllegalArgumentException("journal event of version " + event.v + "; this wall reads version " + VERSION);
    }
    if (!ORDER.equals(event.type) && !END.equals(event.type)) {
      throw new IllegalArgumentException("journal event of unknown type " + event.type);
    }
    if (event.id <= 0 || (event.isOrder() && event.qty <= 0)) {
      throw new IllegalArgumentException("journal event with a bad id or quantity: " + json);
    }
    return event;
  }
}
