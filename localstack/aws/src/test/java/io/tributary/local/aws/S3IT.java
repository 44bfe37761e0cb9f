package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.MediaKeys;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3 through the SDK against whatever backend the extension started. */
@ExtendWith(LocalAwsExtension.class)
class S3IT {

  @Test
  void putGetAndListByPrefixWithPaging(LocalAws aws) {
    String stream = StreamId.random().value();
    String bucket = aws.names().mediaBucket();
    try (S3Client s3 = aws.clients().s3()) {
      for (int seq = 0; seq < 5; seq++) {
        int s = seq;
        s3.putObject(b -> b.bucket(bucket).key(MediaKeys.segment(stream, "720p", s)).contentType("video/iso.segment"),
            RequestBody.fromString("segment " + s));
      }
      String got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(MediaKeys.segment(stream, "720p", 3))).asUtf8String();
      assertEquals("segment 3", got);

      List<String> keys = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        String t = token;
        var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(MediaKeys.streamPrefix(stream)).maxKeys(2)
            .continuationToken(t));
        page.contents().stream().map(S3Object::key).forEach(keys::add);
        token = page.isTruncated() ? page.nextContinuationToken() : null;
        pages++;
      } while (token != null && pages < 10);
      assertEquals(5, keys.size(), keys.toString());
      assertEquals(3, pages);
      assertThrows(NoSuchKeyException.class,
          () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(MediaKeys.segment(stream, "720p", 99))));
    }
  }

  @Test
  void multipartUploadReassemblesParts(LocalAws aws) {
    String bucket = aws.names().rawBucket();
    String key = MediaKeys.chunk(StreamId.random().value(), "s1", 7);
    byte[] part1 = new byte[5 * 1024 * 1024]; // S3's minimum size for every part but the last
    byte[] part2 = new byte[123_457];
    new Random(1).nextBytes(part1);
    new Random(2).nextBytes(part2);
    try (S3Client s3 = aws.clients().s3()) {
      String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
      String e1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1),
          RequestBody.fromBytes(part1)).eTag();
      String e2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(2),
          RequestBody.fromBytes(part2)).eTag();
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(
          CompletedPart.builder().partNumber(1).eTag(e1).build(),
          CompletedPart.builder().partNumber(2).eTag(e2).build())));
      byte[] all = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
      assertEquals(part1.length + part2.length, all.length);
      byte[] expected = new byte[all.length];
      System.arraycopy(part1, 0, expected, 0, part1.length);
      System.arraycopy(part2, 0, expected, part1.length, part2.length);
      assertArrayEquals(expected, all);
    }
  }

  @Test
  void rangeGetReturnsTheRequestedBytes(LocalAws aws) {
    String bucket = aws.names().mediaBucket();
    String key = MediaKeys.thumbnail(StreamId.random().value());
    try (S3Client s3 = aws.clients().s3()) {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("0123456789abcdef"));
      var r = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=4-9"));
      assertEquals("456789", r.asUtf8String());
      assertEquals("bytes 4-9/16", r.response().contentRange());
    }
  }

  @Test
  void presignedGetWorksWithAPlainHttpClientAndIsSigned(LocalAws aws) throws Exception {
    String bucket = aws.names().mediaBucket();
    String key = MediaKeys.init(StreamId.random().value(), "source", "s1");
    try (S3Client s3 = aws.clients().s3(); S3Presigner presigner = aws.clients().s3Presigner()) {
      s3.putObject(b -> b.bucket(bucket).key(key).contentType("video/mp4"), RequestBody.fromString("init bytes"));
      var url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket(bucket).key(key))).url();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url.toURI()).header("Origin", "https://player.example")
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("init bytes", ok.body());
      // Players fetch segments cross-origin (ARCHITECTURE.md: CORS on every manifest and segment).
      assertTrue(ok.headers().firstValue("Access-Control-Allow-Origin").isPresent(), ok.headers().map().toString());

      // A tampered signature must be refused: the emulator really checks SigV4.
      String bad = url.toString().replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000");
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(java.net.URI.create(bad))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(403, refused.statusCode(), refused.body());
    }
  }
}
