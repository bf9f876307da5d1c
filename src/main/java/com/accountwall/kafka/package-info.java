/**
 * The order journal of walls in cluster mode: a Kafka topic that every wall writes to and derives
 * its accounts from. Depends on {@code core} and {@code journal}.
 */
package com.accountwall.kafka;
