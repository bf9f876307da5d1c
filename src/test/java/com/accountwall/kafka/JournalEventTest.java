package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.accountwall.core.Order;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalEventTest {

  @Test
  void ordersAndEndsReadBackAsWritten() {
    JournalEvent orders = JournalEvent.orders(List.of(new Order(10, 3), new Order(11, 1)), "w", 7);
    JournalEvent end = JournalEvent.end(10, "w", 8);

    assertEquals(
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":10,\"quantity\":3},{\"accountId\":11,\"quantity\":1}],"
            + "\"wall\":\"w\",\"seq\":7}",
        orders.toJson());
    assertEquals("{\"v\":1,\"type\":\"end\",\"id\":10,\"wall\":\"w\",\"seq\":8}", end.toJson());
    assertEquals(orders, JournalEvent.parse(orders.toJson()));
    assertEquals(end, JournalEvent.parse(end.toJson()));
  }

  @Test
  void aKeyedPartCarriesItsKeyAndEventsFromBeforeKeysReadAsUnkeyed() {
    JournalEvent keyed =
        JournalEvent.keyedOrders(
            List.of(new Order(10, 3)),
            "w",
            9,
            new JournalEvent.KeyPart("retry-1", "f00d", 2, true));

    assertEquals(
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":10,\"quantity\":3}],\"wall\":\"w\",\"seq\":9,"
            + "\"key\":{\"value\":\"retry-1\",\"fingerprint\":\"f00d\",\"accepted\":2,\"last\":true}}",
        keyed.toJson());
    assertEquals(keyed, JournalEvent.parse(keyed.toJson()));
    assertEquals(
        null,
        JournalEvent.parse(
                "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":1,\"quantity\":1}],"
                    + "\"wall\":\"w\",\"seq\":7}")
            .key());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"v\":2,\"type\":\"order\",\"orders\":[{\"accountId\":1,\"quantity\":1}]}",
        "{\"v\":1,\"type\":\"refund\",\"id\":1}",
        "{\"v\":1,\"type\":\"order\",\"orders\":[]}",
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":0,\"quantity\":1}]}",
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":1,\"quantity\":-1}]}",
        "{\"v\":1,\"type\":\"end\"}",
        "{\"v\":1,\"type\":\"end\",\"id\":-4}",
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":1,\"quantity\":1}],\"key\":{\"value\":\"k\",\"accepted\":1}}",
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":1,\"quantity\":1}],"
            + "\"key\":{\"value\":\"\",\"fingerprint\":\"f\",\"accepted\":1}}",
        "{\"v\":1,\"type\":\"order\",\"orders\":[{\"accountId\":1,\"quantity\":1},{\"accountId\":2,\"quantity\":1}],"
            + "\"key\":{\"value\":\"k\",\"fingerprint\":\"f\",\"accepted\":1}}",
        "{\"v\":1,\"type\":\"end\",\"id\":4,\"key\":{\"value\":\"k\",\"fingerprint\":\"f\",\"accepted\":1}}"
      })
  void anythingElseIsRefusedWithAReason(String json) {
    assertThrows(IllegalArgumentException.class, () -> JournalEvent.parse(json));
  }
}
