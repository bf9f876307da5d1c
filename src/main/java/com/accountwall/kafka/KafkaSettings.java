package com.accountwall.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where the order log is (bootstrap servers and topic) and how the wall's clients talk to it.
 * Immutable.
 */
public record KafkaSettings(List<String> bootstrapServers, String topic) {
  /** The topic walls use unless told otherwise. */
  public static final String DEFAULT_TOPIC = "account-wall.orders";

  private static final String TIMEOUT_MS = "30000";
  static final int MAX_POLL_RECORDS = 100;
  private static final int LINGER_MS = 5;

  /**
   * How long a transaction may stay open. A wall that dies inside one and never comes back holds up
   * every wall's {@code read_committed} reading of its partitions until the coordinator aborts it:
   * after this, plus at most the broker's {@code
   * transaction.abort.timed.out.transaction.cleanup.interval.ms} (10 s by default), so 15 s at
   * most. A group commit takes milliseconds; one still open after 5 s is stuck anyway.
   */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(5);

  public KafkaSettings {
    bootstrapServers = List.copyOf(bootstrapServers);
    if (bootstrapServers.isEmpty()) {
      throw new IllegalArgumentException("name at least one Kafka broker as HOST:PORT");
    }
    Objects.requireNonNull(topic, "topic");
  }

  String servers() {
    return String.join(",", bootstrapServers);
  }

  /** Idempotent, acks=all: a record is acknowledged once every in-sync replica has it. */
  Map<String, Object> producer() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        servers(),
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        // Kafka's own default since 4.0 (KIP-1030), and not 0: a broker request costs the brokers
        // about as much whatever it holds, so under load 5 ms of gathering lets one request carry
        // the orders of many connections. On the local cluster, 32 connections of single orders
        // got 1.1-1.8 times as many acknowledged as with 0 (BENCHMARKS.md). Alone, an order may
        // wait those 5 ms more. A transaction's commit sends at once, whatever linger says.
        ProducerConfig.LINGER_MS_CONFIG,
        LINGER_MS,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        TIMEOUT_MS,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        "15000",
        ProducerConfig.MAX_BLOCK_MS_CONFIG,
        TIMEOUT_MS,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class);
  }

  /**
   * The same, for batches, with the transactional id of this wall ({@link WallId}): the same on
   * every run, so a restarted wall fences its predecessor and ends the transaction it left open.
   */
  Map<String, Object> transactionalProducer(String wallId) {
    Map<String, Object> config = new HashMap<>(producer());
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "account-wall-" + wallId);
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
    return config;
  }

  /** No group: the wall assigns itself every partition and keeps its positions in memory. */
  Map<String, Object> consumer() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        servers(),
        // The replay stops reading a partition at a stretch's end after each poll: a smaller poll
        // hands out fewer records past it (reading on is a matter of the fetched buffer, not a
        // round trip).
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        MAX_POLL_RECORDS,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        TIMEOUT_MS,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class);
  }
}
