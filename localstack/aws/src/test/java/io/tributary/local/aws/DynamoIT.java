package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.Schema;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.core.resources.StreamsTable;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** DynamoDB through the SDK on the bootstrapped tables: the access patterns the services rely on. */
@ExtendWith(LocalAwsExtension.class)
class DynamoIT {

  @Test
  void conditionalPutOfTheSameSegmentTwiceIsRejected(LocalAws aws) {
    String stream = StreamId.random().value();
    Map<String, AttributeValue> item = Map.of(SegmentsTable.STREAM_ID, s(stream), SegmentsTable.SEQ, n(42),
        SegmentsTable.STATUS, s(SegmentsTable.STATUS_OK));
    try (DynamoDbClient d = aws.clients().dynamo()) {
      d.putItem(b -> b.tableName(aws.names().segmentsTable()).item(item)
          .conditionExpression("attribute_not_exists(#s)").expressionAttributeNames(Map.of("#s", SegmentsTable.SEQ)));
      ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
          () -> d.putItem(b -> b.tableName(aws.names().segmentsTable()).item(item)
              .conditionExpression("attribute_not_exists(#s)")
              .expressionAttributeNames(Map.of("#s", SegmentsTable.SEQ))));
      assertEquals(400, e.statusCode());
    }
  }

  @Test
  void updateWithAddTakesSequenceNumbersAtomically(LocalAws aws) {
    String stream = StreamId.random().value();
    try (DynamoDbClient d = aws.clients().dynamo()) {
      List<Long> taken = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        var r = d.updateItem(b -> b.tableName(aws.names().streamsTable())
            .key(Map.of(StreamsTable.STREAM_ID, s(stream)))
            .updateExpression("ADD #n :one").expressionAttributeNames(Map.of("#n", StreamsTable.NEXT_SEQ))
            .expressionAttributeValues(Map.of(":one", n(1))).returnValues(ReturnValue.UPDATED_NEW));
        taken.add(Long.parseLong(r.attributes().get(StreamsTable.NEXT_SEQ).n()));
      }
      assertEquals(List.of(1L, 2L, 3L), taken);
    }
  }

  @Test
  void queryByKeyPagesWithLastEvaluatedKey(LocalAws aws) {
    String stream = StreamId.random().value();
    String other = StreamId.random().value();
    try (DynamoDbClient d = aws.clients().dynamo()) {
      for (int seq = 0; seq < 5; seq++) {
        int q = seq;
        d.putItem(b -> b.tableName(aws.names().segmentsTable()).item(Map.of(SegmentsTable.STREAM_ID, s(stream),
            SegmentsTable.SEQ, n(q))));
      }
      d.putItem(b -> b.tableName(aws.names().segmentsTable()).item(Map.of(SegmentsTable.STREAM_ID, s(other),
          SegmentsTable.SEQ, n(0))));
      List<Long> seqs = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      int pages = 0;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse page = d.query(b -> b.tableName(aws.names().segmentsTable())
            .keyConditionExpression("#k = :s AND #q >= :from")
            .expressionAttributeNames(Map.of("#k", SegmentsTable.STREAM_ID, "#q", SegmentsTable.SEQ))
            .expressionAttributeValues(Map.of(":s", s(stream), ":from", n(1)))
            .limit(2).exclusiveStartKey(from));
        page.items().forEach(i -> seqs.add(Long.parseLong(i.get(SegmentsTable.SEQ).n())));
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        pages++;
      } while (start != null && pages < 10);
      assertEquals(List.of(1L, 2L, 3L, 4L), seqs);
      assertTrue(pages >= 2, "paged, pages=" + pages);
    }
  }

  @Test
  void queryByGsiPagesNewestFirst(LocalAws aws) {
    String stream = StreamId.random().value();
    try (DynamoDbClient d = aws.clients().dynamo()) {
      for (int i = 0; i < 3; i++) {
        int k = i;
        d.putItem(b -> b.tableName(aws.names().keysTable()).item(Map.of(KeysTable.KEY_HASH, s(stream + "-hash-" + k),
            KeysTable.STREAM_ID, s(stream), KeysTable.KEY_ID, s("k" + k), KeysTable.CREATED_AT, n(1000 + k))));
      }
      List<String> ids = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      int pages = 0;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse page = d.query(b -> b.tableName(aws.names().keysTable()).indexName(KeysTable.BY_STREAM)
            .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", KeysTable.STREAM_ID))
            .expressionAttributeValues(Map.of(":s", s(stream))).scanIndexForward(false).limit(2)
            .exclusiveStartKey(from));
        page.items().forEach(i -> ids.add(i.get(KeysTable.KEY_ID).s()));
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        pages++;
      } while (start != null && pages < 10);
      assertEquals(List.of("k2", "k1", "k0"), ids);
      assertTrue(pages >= 2, "paged, pages=" + pages);
    }
  }

  /**
   * The TTL attribute is written as a number of epoch seconds, and the table's TTL is on where the
   * endpoint has the API; where it does not (dynalite), the bootstrap must say so.
   */
  @Test
  void ttlAttributeIsStoredAndTtlIsEnabledOrReportedUnsupported(LocalAws aws) {
    String stream = StreamId.random().value();
    long expires = Instant.now().plusSeconds(3600).getEpochSecond();
    try (DynamoDbClient d = aws.clients().dynamo()) {
      d.putItem(b -> b.tableName(aws.names().segmentsTable()).item(Map.of(SegmentsTable.STREAM_ID, s(stream),
          SegmentsTable.SEQ, n(1), SegmentsTable.EXPIRES_AT, n(expires))));
      var got = d.getItem(b -> b.tableName(aws.names().segmentsTable()).consistentRead(true)
          .key(Map.of(SegmentsTable.STREAM_ID, s(stream), SegmentsTable.SEQ, n(1)))).item();
      assertEquals(Long.toString(expires), got.get(SegmentsTable.EXPIRES_AT).n());

      BootstrapResult boot = Bootstrap.run(aws.clients(), new Schema(aws.names()));
      if (boot.unsupported().contains("dynamodb:UpdateTimeToLive")) {
        return; // dynalite: reported once in the log, nothing else to check
      }
      var ttl = d.describeTimeToLive(b -> b.tableName(aws.names().segmentsTable())).timeToLiveDescription();
      assertEquals(SegmentsTable.EXPIRES_AT, ttl.attributeName());
      assertTrue(ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
          || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING, ttl.toString());
    }
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  /**
   * A client killed mid-request (a worker under kill -9) must not take DynamoDB down for everyone:
   * dynalite rethrows the aborted request's error, which our server.js keeps from killing node.
   */
  @Test
  void aClientThatDiesMidRequestLeavesDynamoServing(LocalAws aws) throws Exception {
    URI endpoint = aws.settings().dynamoEndpoint().orElseThrow();
    for (int i = 0; i < 3; i++) {
      try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 4096\r\n\r\n{\"Lim")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(50);
        socket.setSoLinger(true, 0); // close with RST, as a killed process's socket is
      }
    }
    Thread.sleep(200);
    try (DynamoDbClient d = aws.clients().dynamo()) {
      assertTrue(d.listTables().tableNames().contains(aws.names().streamsTable()));
    }
  }
}
