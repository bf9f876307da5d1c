package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.accountwall.Await;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The follower's lag gauges on the in-JVM Kafka node: one per partition, showing the records it has
 * not read while it is held back, and none once it has caught up.
 */
class LogFollowerLagTest {

  @Test
  void aGaugePerPartitionShowsTheRecordsNotYetRead() throws Exception {
    String topic = TestKafka.newTopic(3);
    KafkaSettings settings = new KafkaSettings(List.of(TestKafka.bootstrapServers()), topic);
    AtomicBoolean holding = new AtomicBoolean(true);
    AccountSupervisor supervisor =
        AccountSupervisor.builder().lifetime(Duration.ofHours(1)).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LogFollower follower =
        new LogFollower(
            () ->
                new KafkaConsumer<String, String>(settings.consumer()) {
                  // Held back, it fetches nothing (its position stays) but polls as usual, so
                  // its progress checks still ask for the end of the log.
                  @Override
                  public ConsumerRecords<String, String> poll(Duration timeout) {
                    if (holding.get()) {
                      pause(assignment());
                    } else {
                      resume(paused());
                    }
                    return super.poll(timeout);
                  }
                },
            topic,
            settings.servers(),
            supervisor,
            Clock.systemUTC(),
            "test",
            new AppliedEvents())) {
      follower.replay();
      follower.bindMeters(registry);
      follower.start();

      assertEquals(3, registry.find("account.wall.kafka.consumer.lag").gauges().size());
      send(topic, 1, 2);
      send(topic, 2, 1);
      send(topic, 2, 1);
      await(() -> lag(registry) == 3, "the three records unread counted");

      holding.set(false);
      await(() -> lag(registry) == 0, "no lag once read");
      assertEquals(2, supervisor.details(2).orElseThrow().widgetsOrdered());
    }
  }

  private static double lag(SimpleMeterRegistry registry) {
    return registry.find("account.wall.kafka.consumer.lag").gauges().stream()
        .mapToDouble(Gauge::value)
        .sum();
  }

  private static void send(String topic, long id, long quantity) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      String event = JournalEvent.orders(List.of(new Order(id, quantity)), "elsewhere", 1).toJson();
      producer
          .send(
              new ProducerRecord<>(
                  topic, null, System.currentTimeMillis(), Long.toString(id), event))
          .get();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(condition, Duration.ofSeconds(30), () -> what);
  }
}
