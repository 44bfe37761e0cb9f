package io.tributary.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deliveries to a real loopback HTTP server: signature, retries with backoff, giving up. */
class WebhookSinkTest {
  private static final WebhookSigner SIGNER = new WebhookSigner("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8));
  private static final StreamEvent EVENT = new StreamEvent(StreamEvent.STARTED, "st_aaaaaaaaaaaaaaaaaaaa", "t",
      "20261125T203000Z-abcdefgh", "2026-11-25T20:30:00Z", null);
  private static final JsonMapper json = JsonMapper.createDefault();

  @Test
  void signedDeliveryVerifiesWithTheSecret() {
    try (WebhookReceiver r = new WebhookReceiver(); WebhookSink sink = new WebhookSink(List.of(r.url()), SIGNER, json, 10)) {
      assertEquals(1, sink.deliver(r.url(), EVENT));
      WebhookReceiver.Delivery d = r.deliveries.get(0);
      assertEquals(SIGNER.sign(Long.parseLong(d.headers().get("timestamp")), d.body()), d.headers().get("signature"));
      assertTrue(d.headers().get("signature").matches("sha256=[0-9a-f]{64}"));
      assertEquals("stream.started", d.headers().get("event"));
      assertTrue(d.body().contains("\"type\":\"stream.started\""), d.body());
      String forged = new WebhookSigner("another-secret-0123456".getBytes(StandardCharsets.UTF_8))
          .sign(Long.parseLong(d.headers().get("timestamp")), d.body());
      assertTrue(!forged.equals(d.headers().get("signature")));
    }
  }

  @Test
  void retriesUntilTheReceiverRecovers() {
    try (WebhookReceiver r = new WebhookReceiver(); WebhookSink sink = new WebhookSink(List.of(r.url()), SIGNER, json, 10)) {
      r.failFirst.set(2);
      assertEquals(3, sink.deliver(r.url(), EVENT));
      assertEquals(3, r.attempts.get());
      assertEquals(1, r.deliveries.size());
    }
  }

  @Test
  void givesUpAfterBoundedAttempts() {
    try (WebhookReceiver r = new WebhookReceiver(); WebhookSink sink = new WebhookSink(List.of(r.url()), SIGNER, json, 10)) {
      r.failFirst.set(100);
      assertEquals(-1, sink.deliver(r.url(), EVENT));
      assertEquals(WebhookSink.ATTEMPTS, r.attempts.get());
    }
    URI closed = URI.create("http://127.0.0.1:1/hook");
    try (WebhookSink sink = new WebhookSink(List.of(closed), SIGNER, json, 1)) {
      assertEquals(-1, sink.deliver(closed, EVENT), "connection refused is retried, then dropped");
    }
  }
}
