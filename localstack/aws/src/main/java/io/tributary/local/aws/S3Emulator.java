package io.tributary.local.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy on the filesystem blob store: one directory per bucket under {@code root}, objects as
 * plain files, so a restart keeps them. Requests are SigV4-checked against the local credentials,
 * which makes presigned URLs real. S3Proxy has no per-bucket CORS API, so the server-wide rule
 * stands in for the media bucket's: GET/HEAD from any origin, as the CDK bucket allows.
 */
final class S3Emulator implements AutoCloseable {
  /** Bucket APIs S3Proxy 4.1 answers with 501 NotImplemented; Bootstrap skips them here. */
  static final Set<String> UNSUPPORTED = Set.of("s3:PutBucketCors", "s3:PutBucketLifecycleConfiguration");
  private final S3Proxy proxy;

  private S3Emulator(S3Proxy proxy) {
    this.proxy = proxy;
  }

  static S3Emulator start(Path root, int port, LocalCredentials credentials) throws Exception {
    Files.createDirectories(root);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new FilesystemNio2BlobStore(root.toString()))
        .endpoint(URI.create("http://" + LoopbackPort.HOST + ":" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(), credentials.secretKey())
        .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD", "PUT", "POST"),
            List.of("*"), List.of("ETag", "Content-Length", "Content-Range", "Accept-Ranges"), "false"))
        .ignoreUnknownHeaders(true)
        // Jetty's default graceful stop waits up to 30 s for idle keep-alive connections.
        .stopTimeout(1000)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        throw new IllegalStateException("S3Proxy did not start within 10 s, state " + proxy.getState());
      }
      Thread.sleep(5);
    }
    return new S3Emulator(proxy);
  }

  int port() {
    return proxy.getPort();
  }

  boolean isStarted() {
    return "STARTED".equals(proxy.getState());
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
