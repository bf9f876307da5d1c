package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The log's follower on the in-JVM Kafka node, with a consumer that fails the way a client library
 * may: it says so in its problems, backs off, takes a new consumer and goes on where it stopped,
 * applying every record once.
 */
class LogFollowerRecoveryTest {

  @Test
  void aFailingConsumerIsReplacedAndTheFollowerGoesOnWhereItStopped() throws Exception {
    String topic = TestKafka.newTopic(3);
    KafkaSettings settings = new KafkaSettings(List.of(TestKafka.bootstrapServers()), topic);
    AtomicInteger consumersMade = new AtomicInteger();
    AtomicInteger failuresLeft = new AtomicInteger(0);
    AccountSupervisor supervisor =
        AccountSupervisor.builder().lifetime(Duration.ofHours(1)).build();
    List<String> problemsSeen = new CopyOnWriteArrayList<>();
    try (LogFollower follower =
        new LogFollower(
            () -> {
              consumersMade.incrementAndGet();
              return new KafkaConsumer<String, String>(settings.consumer()) {
                @Override
                public ConsumerRecords<String, String> poll(Duration timeout) {
                  if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new KafkaException("the client's internal state went wrong");
                  }
                  return super.poll(timeout);
                }
              };
            },
            topic,
            settings.servers(),
            supervisor,
            Clock.systemUTC(),
            "test",
            new AppliedEvents())) {
      follower.replay();
      follower.start();
      send(topic, 1, 2);
      await(() -> supervisor.details(1).isPresent(), "the first order applied");

      failuresLeft.set(2);
      await(
          () -> {
            problemsSeen.addAll(follower.problems());
            return failuresLeft.get() == 0;
          },
          "both failures hit");
      send(topic, 1, 3);
      send(topic, 2, 1);
      // Accounts 1 and 2 may be on different partitions, read in either order: wait for both.
      await(
          () ->
              supervisor.details(2).isPresent()
                  && supervisor.details(1).orElseThrow().widgetsOrdered() >= 5,
          "orders after the failures applied");

      assertEquals(5, supervisor.details(1).orElseThrow().widgetsOrdered(), "each record once");
      assertEquals(3, consumersMade.get(), "one for the replay, one after each failure");
      assertTrue(
          problemsSeen.stream()
              .anyMatch(
                  problem ->
                      problem.startsWith(
                          "log follower stopped: "
                              + "org.apache.kafka.common.KafkaException: the client's internal state went wrong, since ")),
          problemsSeen.toString());
      await(() -> follower.problems().isEmpty(), "no problem once it follows again");
    }
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
