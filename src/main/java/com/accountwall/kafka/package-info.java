/**
 * The order journal of walls in cluster mode: a Kafka topic that every wall writes to and derives
 * its accounts from; the follower's lag per partition is a meter in the Micrometer registry it is
 * given. Depends on {@code core}, {@code journal}, {@code settings} and {@code files}.
 */
package com.accountwall.kafka;
