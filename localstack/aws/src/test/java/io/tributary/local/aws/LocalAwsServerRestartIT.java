package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.StreamsTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Launcher mode: what the local pipeline stored survives a restart on the same data dir, and the
 * wipe flag removes it. Ports are ephemeral here; the launcher's fixed ports are its only difference.
 */
class LocalAwsServerRestartIT {

  @Test
  void dataSurvivesARestartAndTheWipeFlagRemovesIt(@TempDir Path dataDir) {
    LocalAwsConfig config = LocalAwsConfig.forTests(dataDir).withPersistence(true, false);
    String stream = StreamId.random().value();
    String key = MediaKeys.segment(stream, "source", 1);
    Map<String, AttributeValue> pk = Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(stream));

    try (LocalAwsServer server = LocalAwsServer.start(config)) {
      LocalAws aws = server.aws();
      try (var s3 = aws.clients().s3(); var d = aws.clients().dynamo(); var sqs = aws.clients().sqs()) {
        s3.putObject(b -> b.bucket(aws.names().mediaBucket()).key(key), RequestBody.fromString("kept"));
        d.putItem(b -> b.tableName(aws.names().streamsTable()).item(Map.of(StreamsTable.STREAM_ID,
            AttributeValue.fromS(stream), StreamsTable.NAME, AttributeValue.fromS("kept"))));
        sqs.sendMessage(b -> b.queueUrl(aws.queueUrl()).messageBody("job for " + stream));
      }
    }

    LocalAwsServer second = LocalAwsServer.start(config);
    try (LocalAwsServer server = second) {
      LocalAws aws = server.aws();
      assertTrue(server.timings().bootstrappedMs() >= server.timings().readyMs());
      assertTrue(server.prometheusText().contains("tributary_local_aws_up{service=\"dynamodb\"} 1\n"));
      try (var s3 = aws.clients().s3(); var d = aws.clients().dynamo(); var sqs = aws.clients().sqs()) {
        assertEquals("kept", s3.getObjectAsBytes(b -> b.bucket(aws.names().mediaBucket()).key(key)).asUtf8String());
        assertEquals("kept", d.getItem(b -> b.tableName(aws.names().streamsTable()).key(pk).consistentRead(true))
            .item().get(StreamsTable.NAME).s());
        List<Message> jobs = sqs.receiveMessage(b -> b.queueUrl(aws.queueUrl()).maxNumberOfMessages(10)
            .waitTimeSeconds(2)).messages();
        assertEquals(List.of("job for " + stream), jobs.stream().map(Message::body).toList());
      }
    }

    assertTrue(second.prometheusText().contains("tributary_local_aws_up{service=\"dynamodb\"} 0\n"),
        "down after close");
    try (LocalAwsServer server = LocalAwsServer.start(config.withPersistence(true, true))) {
      LocalAws aws = server.aws();
      try (var s3 = aws.clients().s3(); var d = aws.clients().dynamo(); var sqs = aws.clients().sqs()) {
        assertThrows(NoSuchKeyException.class,
            () -> s3.getObjectAsBytes(b -> b.bucket(aws.names().mediaBucket()).key(key)));
        assertFalse(d.getItem(b -> b.tableName(aws.names().streamsTable()).key(pk).consistentRead(true)).hasItem()
            && !d.getItem(b -> b.tableName(aws.names().streamsTable()).key(pk)).item().isEmpty());
        assertEquals(List.of(), sqs.receiveMessage(b -> b.queueUrl(aws.queueUrl()).waitTimeSeconds(1)).messages());
      }
    }
  }
}
