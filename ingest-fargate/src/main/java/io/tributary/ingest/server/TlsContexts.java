package io.tributary.ingest.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/** RTMPS locally: TLS with a configured PEM certificate chain and PKCS#8 key (in AWS the NLB terminates TLS). */
final class TlsContexts {
  private TlsContexts() {}

  static SslContext server(Path certChain, Path key) {
    try {
      return SslContextBuilder.forServer(certChain.toFile(), key.toFile()).build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load TLS certificate " + certChain + " / key " + key + ": "
          + e.getMessage(), e);
    }
  }
}
