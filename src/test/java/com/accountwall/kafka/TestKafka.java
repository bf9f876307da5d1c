package com.accountwall.kafka;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * One in-JVM Kafka node (broker and controller combined) shared by every cluster-mode test of the
 * run, started on first use and stopped when the JVM exits; each test makes topics of its own, so
 * tests do not see each other's orders. Loopback only.
 */
final class TestKafka {
  // Held strongly: java.util.logging forgets a logger's level once nothing references it.
  private static final List<Logger> QUIET =
      List.of(
          Logger.getLogger("kafka"),
          Logger.getLogger("org.apache.kafka"),
          Logger.getLogger("state.change.logger"));
  private static KafkaClusterTestKit cluster;

  private TestKafka() {}

  /** Keeps Kafka's brokers and clients to warnings: they log every setting at INFO. */
  static void quietLogs() {
    QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
  }

  /** The bootstrap servers of the shared node, starting it if need be. */
  static synchronized String bootstrapServers() throws Exception {
    if (cluster == null) {
      quietLogs();
      // A node that fails to stop cleanly exits or halts its JVM, here the test run's own, which
      // surefire then reports as a failed fork although every test passed: say so instead.
      Exit.Procedure report =
          (status, message) ->
              System.err.println(
                  "the test Kafka node asked to end the JVM (" + status + "): " + message);
      Exit.setExitProcedure(report);
      Exit.setHaltProcedure(report);
      KafkaClusterTestKit started =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              // One node: the internal topics cannot have three replicas.
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("offsets.topic.replication.factor", "1")
              .build();
      started.format();
      started.startup();
      started.waitForReadyBrokers();
      cluster = started;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (Exception e) {
                      // the JVM is leaving; its temporary folders go with the test kit's own
                      // clean-up
                    }
                  },
                  "test-kafka-stop"));
    }
    return cluster.bootstrapServers();
  }

  /** A new topic with a name of its own and {@code partitions} partitions. */
  static String newTopic(int partitions) throws Exception {
    String topic = "orders-" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    return topic;
  }
}
