package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void theStartLogsEveryValueInForceButNoSecret() {
    String inForce =
        Lifecycle.inForce(
            WallOptions.parse(
                    "--data=/tmp/wall",
                    "--token=s3cret-token",
                    "--metrics-token=s3cret-metrics-token",
                    "--db-url=jdbc:postgresql://db/wall?user=wall&password=s3cret-password&ssl=true",
                    "--lifetime=30s",
                    "--schedule=Mon-Fri 07:00-19:00",
                    "--locale=de-DE")
                .config());

    assertTrue(inForce.contains(" token=(hidden) "), inForce);
    assertTrue(inForce.contains(" metricsToken=(hidden) "), inForce);
    assertTrue(
        inForce.contains(", schedule=Mon-Fri 07:00-19:00,"), // among the settings, as written
        "the schedule as written: " + inForce);
    assertTrue(
        inForce.contains(
            " databaseUrl=jdbc:postgresql://db/wall?user=wall&password=(hidden)&ssl=true "),
        inForce);
    assertFalse(inForce.contains("s3cret"), inForce);
    assertTrue(inForce.contains("lifetime=PT30S"), inForce);
    assertTrue(inForce.endsWith(" locale=de-DE"), "as --locale takes it: " + inForce);
    assertTrue(
        inForce.startsWith("headless=false bind=127.0.0.1 port=8080 dataFolder=/tmp/wall "),
        inForce);
  }
}
