package io.tributary.core.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the S3 client puts on the wire for an upload: one plain body (no aws-chunked framing, no
 * checksum trailer), signed with the SHA-256 of the whole body as SigV4 requires over plain HTTP.
 * The endpoint is a capture server, not an emulator: emulators accept both forms, and the form
 * is what this test is about (the ingest ITs cover S3 behaviour against S3Proxy).
 */
class AwsClientsS3WireTest {
  record Seen(String method, String path, Map<String, List<String>> headers, byte[] body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
      ex.getResponseHeaders().add("ETag", "\"0\"");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void putObjectSendsOnePlainSignedBodyWithoutChecksumTrailer() throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    AwsSettings settings = new AwsSettings(Optional.of(endpoint), Optional.empty(), Optional.empty(), "us-east-1");
    byte[] data = new byte[300_000]; // more than two 128 KiB aws-chunked frames
    new Random(7).nextBytes(data);
    try (S3Client s3 = new AwsClients(settings).s3()) {
      s3.putObject(b -> b.bucket("raw").key("chunks/s/x/0.flv").contentType("video/x-flv"),
          RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data), data.length, "video/x-flv"));
    }
    assertEquals(1, seen.size(), "one request");
    Seen put = seen.get(0);
    assertEquals("PUT", put.method());
    assertEquals("/raw/chunks/s/x/0.flv", put.path(), "path-style addressing for an endpoint override");
    assertArrayEquals(data, put.body(), "the body is the object itself, not aws-chunked frames");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertEquals(sha, header(put, "x-amz-content-sha256"));
    assertEquals(Integer.toString(data.length), header(put, "content-length"));
    assertNull(header(put, "x-amz-trailer"), "no checksum trailer");
    assertNull(header(put, "x-amz-decoded-content-length"), "no aws-chunked encoding");
    assertFalse(put.headers().keySet().stream().anyMatch(h -> h.toLowerCase().startsWith("x-amz-checksum-")),
        "no flexible checksum header: " + put.headers().keySet());
    assertFalse(String.valueOf(header(put, "content-encoding")).contains("aws-chunked"));
  }

  @Test
  void closingOneClientLeavesTheSharedTimeoutSchedulerToTheNext() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    AwsSettings settings = new AwsSettings(Optional.of(endpoint), Optional.empty(), Optional.empty(), "us-east-1");
    for (int i = 0; i < 2; i++) {
      try (S3Client s3 = new AwsClients(settings).s3()) {
        s3.putObject(b -> b.bucket("raw").key("k"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
      }
    }
    assertEquals(2, seen.size(), "the second client's call ran (its API-call timeout was scheduled)");
  }

  private static String header(Seen s, String name) {
    return s.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0)).findFirst().orElse(null);
  }
}
