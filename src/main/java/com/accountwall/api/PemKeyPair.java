package com.accountwall.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A certificate chain and its private key read from PEM files, checked to belong together: the key
 * signs a challenge that the first certificate's public key verifies. Without that check a renewal
 * caught between its two files would make a server context that fails every handshake.
 *
 * <p>Immutable.
 *
 * @param key the private key, from PKCS#8 ({@code BEGIN PRIVATE KEY})
 * @param chain the certificates, the server's own first
 */
record PemKeyPair(PrivateKey key, X509Certificate[] chain) {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  /**
   * @throws IOException if a file cannot be read or parsed, or the key is not the certificate's
   */
  static PemKeyPair read(Path certificateChain, Path privateKey) throws IOException {
    X509Certificate[] chain;
    try (InputStream pem = Files.newInputStream(certificateChain)) {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(pem)
              .toArray(X509Certificate[]::new);
    } catch (GeneralSecurityException e) {
      throw new IOException("no certificate in " + certificateChain + ": " + e.getMessage(), e);
    }
    if (chain.length == 0) {
      throw new IOException("no certificate in " + certificateChain);
    }
    PublicKey publicKey = chain[0].getPublicKey();
    PrivateKey key = privateKey(privateKey, publicKey.getAlgorithm());
    if (!belongTogether(key, publicKey)) {
      throw new IOException(
          "the key in " + privateKey + " is not the one of the certificate in " + certificateChain);
    }
    return new PemKeyPair(key, chain);
  }

  private static PrivateKey privateKey(Path file, String algorithm) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(
          "no PKCS#8 key ("
              + BEGIN
              + ") in "
              + file
              + "; convert one with openssl pkcs8 -topk8 -nocrypt");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IOException(
          "the key in " + file + " cannot be read as a " + algorithm + " key: " + e.getMessage(),
          e);
    }
  }

  private static boolean belongTogether(PrivateKey key, PublicKey publicKey) throws IOException {
    String algorithm =
        switch (publicKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> publicKey.getAlgorithm(); // EdDSA, Ed25519, Ed448 sign as themselves
        };
    byte[] challenge = "account-wall".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot check that the key is the certificate's (" + algorithm + "): " + e.getMessage(),
          e);
    }
  }
}
