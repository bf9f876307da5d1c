package com.accountwall.api;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API's TLS certificate chain and private key, as PEM files ({@link PemKeyPair}), read again
 * when either file changes, so a renewed certificate is served without a restart: each new
 * connection asks for {@link #context}, which looks at the files' {@linkplain FileVersion versions}
 * at most once a second and, if they changed, builds a new context. A pair that cannot be read or
 * does not belong together (a renewal caught between its two files) keeps the last good one and is
 * logged; it is tried again at the next look.
 *
 * <p>Thread-safe: connections on any event loop may ask at once; a reload is made under this
 * object's lock, and the context in force is a volatile read.
 */
public final class TlsFiles {
  private static final System.Logger LOG = System.getLogger(TlsFiles.class.getName());
  private static final long LOOK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Path certificateChain;
  private final Path privateKey;
  private volatile SslContext context;
  private volatile long nextLook;
  // The versions of the two files the context in force was built from; under this lock.
  private List<FileVersion> loaded;
  // Those of the last pair that could not be used, so it is logged once; under this lock.
  private List<FileVersion> refused;

  private TlsFiles(Path certificateChain, Path privateKey) {
    this.certificateChain = certificateChain;
    this.privateKey = privateKey;
  }

  /**
   * Reads both files now.
   *
   * @throws IOException if either cannot be read or they do not make a server context (such as a
   *     key that is not PKCS#8 or does not match the certificate), so a start with bad files fails
   */
  public static TlsFiles load(Path certificateChain, Path privateKey) throws IOException {
    TlsFiles files = new TlsFiles(certificateChain, privateKey);
    List<FileVersion> versions = files.versions();
    files.context = files.build();
    files.loaded = versions;
    files.nextLook = System.nanoTime() + LOOK_EVERY_NANOS;
    return files;
  }

  /**
   * The context for a new connection: the files' latest good contents, looked at no more than once
   * a second.
   */
  SslContext context() {
    if (System.nanoTime() - nextLook >= 0) {
      reloadIfChanged();
    }
    return context;
  }

  private synchronized void reloadIfChanged() {
    if (System.nanoTime() - nextLook < 0) {
      return; // another connection looked meanwhile
    }
    nextLook = System.nanoTime() + LOOK_EVERY_NANOS;
    List<FileVersion> versions = null;
    try {
      versions = versions();
      if (versions.equals(loaded) || versions.equals(refused)) {
        return;
      }
      context = build();
      loaded = versions;
      LOG.log(Level.INFO, "the API's TLS certificate was read again from " + certificateChain);
    } catch (IOException e) {
      refused = versions;
      LOG.log(
          Level.WARNING,
          "could not read the API's TLS certificate "
              + certificateChain
              + " and key "
              + privateKey
              + " again; still serving the last good one: "
              + e.getMessage());
    }
  }

  private List<FileVersion> versions() throws IOException {
    return List.of(FileVersion.of(certificateChain), FileVersion.of(privateKey));
  }

  private SslContext build() throws IOException {
    PemKeyPair pair = PemKeyPair.read(certificateChain, privateKey);
    return SslContextBuilder.forServer(pair.key(), pair.chain()).build();
  }
}
