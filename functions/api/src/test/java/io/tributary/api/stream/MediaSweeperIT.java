package io.tributary.api.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.Http;
import io.tributary.api.TestApi;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Deleting a stream, then the sweep: its S3 media and raw chunks go, others' stay, the item goes. */
@ExtendWith(LocalAwsExtension.class)
class MediaSweeperIT {
  @Test
  void sweepRemovesOnlyTheDeletedStreamsObjects(LocalAws aws) throws Exception {
    EmbeddedServer server = TestApi.server(aws, Map.of("tributary.media-sweep-delay-s", 0));
    try (var s3 = aws.clients().s3()) {
      Http api = new Http(URI.create("http://127.0.0.1:" + server.getPort() + "/"),
          TestApi.token(server.getApplicationContext(), "sweep-" + System.nanoTime()));
      String id = new ObjectMapper().readTree(api.post("streams", "{\"name\":\"to sweep\"}").body()).get("id").asText();
      String other = StreamId.random().value();
      String[] mine = {MediaKeys.segment(id, "720p", 1), MediaKeys.init(id, "720p", "20261125T203000Z-abcdefgh"),
          MediaKeys.thumbnail(id)};
      for (String k : mine) {
        s3.putObject(b -> b.bucket(aws.names().mediaBucket()).key(k), RequestBody.fromString("x"));
      }
      String chunk = MediaKeys.chunk(id, "20261125T203000Z-abcdefgh", 1);
      s3.putObject(b -> b.bucket(aws.names().rawBucket()).key(chunk), RequestBody.fromString("flv"));
      String theirs = MediaKeys.segment(other, "720p", 1);
      s3.putObject(b -> b.bucket(aws.names().mediaBucket()).key(theirs), RequestBody.fromString("keep"));

      assertEquals(204, api.send("DELETE", "streams/" + id, null, Map.of()).statusCode());
      assertTrue(server.getApplicationContext().getBean(MediaSweeper.class).sweep() >= 1);

      assertEquals(0, s3.listObjectsV2(b -> b.bucket(aws.names().mediaBucket()).prefix(MediaKeys.streamPrefix(id)))
          .keyCount());
      assertEquals(0, s3.listObjectsV2(b -> b.bucket(aws.names().rawBucket()).prefix("chunks/" + id + "/")).keyCount());
      assertEquals(1, s3.listObjectsV2(b -> b.bucket(aws.names().mediaBucket()).prefix(theirs)).keyCount());
      var item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id)))).item();
      assertTrue(item == null || item.isEmpty(), "the stream item is purged after its media");
    } finally {
      server.getApplicationContext().close();
    }
  }
}
