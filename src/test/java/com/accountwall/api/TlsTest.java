package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files, read again when they change; certificates made by the machine's openssl.
 */
class TlsTest {
  private static final String TOKEN = TestWalls.TOKEN;

  @TempDir Path folder;
  private Wall wall;
  private Path cert;
  private Path key;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/openssl")),
        "needs Debian's openssl to make certificates");
    wall = TestWalls.start(folder.resolve("data"));
    cert = folder.resolve("cert.pem");
    key = folder.resolve("key.pem");
    certificate("first", cert, key);
  }

  @AfterEach
  void stop() {
    if (wall != null) {
      wall.close();
    }
  }

  @Test
  void servesHttpsAndTakesOrders() throws Exception {
    try (OrderApi api =
        OrderApi.bind(
            new InetSocketAddress("127.0.0.1", 0),
            ApiLimits.defaults(),
            TlsFiles.load(cert, key))) {
      api.serve(wall.orders(), wall.supervisor(), wall.display(), TOKEN);
      assertTrue(api.uri().toString().startsWith("https://127.0.0.1:"));
      HttpClient client = trusting(cert);

      HttpResponse<String> order =
          client.send(
              HttpRequest.newBuilder(api.uri().resolve("/api/orders"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\": 7}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(200, order.statusCode(), order.body());
      assertEquals("CN=first", servedSubject(client, api));
      assertTrue(wall.supervisor().exists(7));
    }
  }

  @Test
  void aWallStartedWithTlsAndATokensFileServesHttpsToEachNamedToken() throws Exception {
    Path tokens = folder.resolve("tokens");
    Files.writeString(tokens, "erp " + "e".repeat(20) + "\nshop " + "s".repeat(20) + "\n");
    try (Wall https =
        Wall.start(
            WallOptions.parse(
                "--headless",
                "--port=0",
                "--data=" + folder.resolve("https"),
                "--tls-cert=" + cert,
                "--tls-key=" + key,
                "--tokens-file=" + tokens),
            java.time.Clock.systemUTC())) {
      URI uri = https.endpoint().address();
      assertTrue(uri.toString().startsWith("https://127.0.0.1:"), uri.toString());
      HttpClient client = trusting(cert);
      for (String token : new String[] {"s".repeat(20), "e".repeat(20), "not one of them!"}) {
        HttpResponse<String> order =
            client.send(
                HttpRequest.newBuilder(uri.resolve("/api/orders"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\": 9}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(token.startsWith("not") ? 401 : 200, order.statusCode(), order.body());
      }
      assertEquals(2, https.supervisor().details(9).orElseThrow().widgetsOrdered());
    }
  }

  @Test
  void aRenewedCertificateIsServedWithoutARestartAndABadOneKeepsTheLastGood() throws Exception {
    try (OrderApi api =
        OrderApi.bind(
            new InetSocketAddress("127.0.0.1", 0),
            ApiLimits.defaults(),
            TlsFiles.load(cert, key))) {
      api.serve(wall.orders(), wall.supervisor(), wall.display(), TOKEN);
      Path renewedCert = folder.resolve("renewed-cert.pem");
      Path renewedKey = folder.resolve("renewed-key.pem");
      certificate("renewed", renewedCert, renewedKey);
      HttpClient trustsBoth = trusting(cert, renewedCert);
      assertEquals("CN=first", servedSubject(trustsBoth, api));

      // A renewal caught half-way: a key that does not go with the certificate.
      Files.copy(renewedCert, cert, StandardCopyOption.REPLACE_EXISTING);
      assertHoldsPastTheNextLook(
          () -> servedSubject(trustsBoth, api).equals("CN=first"),
          "the last good pair is still served");

      Files.copy(renewedKey, key, StandardCopyOption.REPLACE_EXISTING);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!servedSubject(trustsBoth, api).equals("CN=renewed")) {
        assertTrue(System.nanoTime() < deadline, "the renewed certificate is served within 10 s");
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
  }

  @Test
  void filesThatDoNotMakeACertificateFailTheStart() throws Exception {
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    assertThrows(IOException.class, () -> TlsFiles.load(cert, key));
    assertThrows(IOException.class, () -> TlsFiles.load(cert, folder.resolve("missing.pem")));
  }

  /** Checks {@code condition} holds throughout 1.5 s, past the once-a-second look at the files. */
  private static void assertHoldsPastTheNextLook(Check condition, String what) throws Exception {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
    while (System.nanoTime() < until) {
      assertTrue(condition.holds(), what);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** A condition that may throw. */
  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  /**
   * The subject of the certificate a new connection is served, asked with a client of its own (so
   * not a pooled connection).
   */
  private static String servedSubject(HttpClient template, OrderApi api) throws Exception {
    HttpClient fresh =
        HttpClient.newBuilder()
            .sslContext(template.sslContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> health =
        fresh.send(
            HttpRequest.newBuilder(api.uri().resolve("/api/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    X509Certificate served =
        (X509Certificate) health.sslSession().orElseThrow().getPeerCertificates()[0];
    return served.getSubjectX500Principal().getName();
  }

  private static void certificate(String name, Path cert, Path key) throws Exception {
    Process openssl =
        new ProcessBuilder(
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=" + name,
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
    assertEquals(0, openssl.exitValue(), output);
  }

  private static HttpClient trusting(Path... certs) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    for (int i = 0; i < certs.length; i++) {
      try (InputStream pem = Files.newInputStream(certs[i])) {
        Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(pem);
        trusted.setCertificateEntry("cert" + i, certificate);
      }
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
  }
}
