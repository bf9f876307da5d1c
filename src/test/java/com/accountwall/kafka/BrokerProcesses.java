package com.accountwall.kafka;

import com.accountwall.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of separate JVMs on loopback, each node broker and controller at once: what a
 * failover test kills one of. Three such nodes in one JVM fail with a raft error, as separate
 * processes they do not. Built like scripts/kafka-cluster does, from the broker's jars on the test
 * class path.
 */
final class BrokerProcesses implements AutoCloseable {
  private final List<Process> nodes = new ArrayList<>();
  private final List<Integer> brokerPorts = new ArrayList<>();

  private BrokerProcesses() {}

  /** Formats and starts {@code count} nodes in folders under {@code dir}. */
  static BrokerProcesses start(Path dir, int count) throws IOException, InterruptedException {
    BrokerProcesses cluster = new BrokerProcesses();
    List<Integer> controllerPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cluster.brokerPorts.add(freePort());
      controllerPorts.add(freePort());
    }
    String voters = "";
    for (int i = 0; i < count; i++) {
      voters += (i == 0 ? "" : ",") + (i + 1) + "@127.0.0.1:" + controllerPorts.get(i);
    }
    String clusterId = Uuid.randomUuid().toString();
    try {
      for (int i = 0; i < count; i++) {
        Path node = dir.resolve("node-" + (i + 1));
        Files.createDirectories(node);
        Path properties = node.resolve("node.properties");
        Files.writeString(
            properties,
            String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + (i + 1),
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:"
                    + cluster.brokerPorts.get(i)
                    + ",CONTROLLER://127.0.0.1:"
                    + controllerPorts.get(i),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + cluster.brokerPorts.get(i),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + node.resolve("data"),
                "min.insync.replicas=2",
                "offsets.topic.replication.factor=3",
                "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2",
                "broker.session.timeout.ms=3000",
                // As scripts/kafka-cluster: a transaction left open by a lost wall is aborted
                // within a second of its timeout.
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                ""));
        Process format =
            java(
                node.resolve("format.log"),
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                clusterId,
                "--config",
                properties.toString());
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
          throw new IOException("formatting " + node + " failed; see format.log there");
        }
        cluster.nodes.add(java(node.resolve("kafka.log"), "kafka.Kafka", properties.toString()));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  String bootstrapServers() {
    return brokerPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
  }

  /**
   * Creates a topic as the README says to: every partition on all three nodes, two in sync to
   * acknowledge.
   */
  void createTopic(String topic, int partitions, long timeoutMillis) throws Exception {
    Exception[] lastRefusal = {null};
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      // Refused while the nodes are still electing a controller: tried again until it is made.
      Await.until(
          () -> {
            try {
              admin
                  .createTopics(
                      List.of(
                          new NewTopic(topic, partitions, (short) 3)
                              .configs(Map.of("min.insync.replicas", "2"))))
                  .all()
                  .get();
              return true;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            } catch (ExecutionException e) {
              lastRefusal[0] = e;
              return false;
            }
          },
          Duration.ofMillis(timeoutMillis),
          () -> "topic " + topic + " created; last refused: " + lastRefusal[0]);
    }
  }

  /** The index (from 0) of the node with this node id. */
  static int indexOf(int nodeId) {
    return nodeId - 1;
  }

  /** Kills node {@code index} (from 0) as a power cut would: no shutdown. */
  void kill(int index) throws InterruptedException {
    nodes.get(index).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Stops node {@code index} (from 0) with SIGSTOP: it holds its connections and answers nothing,
   * as a hung machine.
   */
  void pause(int index) throws IOException, InterruptedException {
    signal("-STOP", index);
  }

  /** Lets a paused node go on with SIGCONT. */
  void resume(int index) throws IOException, InterruptedException {
    signal("-CONT", index);
  }

  private void signal(String signal, int index) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", signal, Long.toString(nodes.get(index).pid()))
            .inheritIO()
            .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill " + signal + " of node " + index + " failed");
    }
  }

  /** Kills every node; SIGKILL ends a paused one too. */
  @Override
  public void close() throws InterruptedException {
    for (Process node : nodes) {
      node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process java(Path log, String... mainAndArgs) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path")));
    command.addAll(List.of(mainAndArgs));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
