package io.tributary.api;

import io.tributary.core.resources.MetricsTable;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes the rows ingest writes (attribute names from core), so API reads can be tested alone. */
public final class IngestRows {
  private IngestRows() {}

  public static void goLive(LocalAws aws, String streamId, String sessionId, String keyId, long now) {
    aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(streamId)))
        .updateExpression("SET #st = :live, #ls = :sid, #lt = :task, #lease = :lease, #h = :h, #ha = :now, #last = :sid")
        .expressionAttributeNames(Map.of("#st", StreamsTable.STATE, "#ls", StreamsTable.LIVE_SESSION_ID,
            "#lt", StreamsTable.LIVE_TASK_ID, "#lease", StreamsTable.LEASE_UNTIL, "#h", StreamsTable.HEALTH,
            "#ha", StreamsTable.HEALTH_AT, "#last", StreamsTable.LAST_SESSION_ID))
        .expressionAttributeValues(Map.of(":live", AttributeValue.fromS("LIVE"), ":sid", AttributeValue.fromS(sessionId),
            ":task", AttributeValue.fromS("task-1"), ":lease", AttributeValue.fromN(Long.toString(now + 30_000)),
            ":h", AttributeValue.fromM(Map.of("bitrateKbps", AttributeValue.fromN("4500"),
                "fps", AttributeValue.fromN("29.97"), "width", AttributeValue.fromN("1920"),
                "videoCodec", AttributeValue.fromS("avc1.640028"),
                "warnings", AttributeValue.fromL(List.of(AttributeValue.fromS("keyframe interval 4s > segment 2s"))))),
            ":now", AttributeValue.fromN(Long.toString(now)))));
    Map<String, AttributeValue> session = new HashMap<>(Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(streamId),
        SessionsTable.SESSION_ID, AttributeValue.fromS(sessionId), SessionsTable.STATE, AttributeValue.fromS("LIVE"),
        SessionsTable.STARTED_AT, AttributeValue.fromN(Long.toString(now)), SessionsTable.FIRST_SEQ,
        AttributeValue.fromN("0")));
    if (keyId != null) {
      session.put(SessionsTable.KEY_ID, AttributeValue.fromS(keyId));
    }
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().sessionsTable()).item(session));
  }

  public static void endedSession(LocalAws aws, String streamId, String sessionId, long start, long end, boolean recording) {
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().sessionsTable()).item(Map.of(
        SessionsTable.STREAM_ID, AttributeValue.fromS(streamId), SessionsTable.SESSION_ID, AttributeValue.fromS(sessionId),
        SessionsTable.STATE, AttributeValue.fromS("ENDED"), SessionsTable.STARTED_AT, AttributeValue.fromN(Long.toString(start)),
        SessionsTable.ENDED_AT, AttributeValue.fromN(Long.toString(end)), SessionsTable.END_REASON,
        AttributeValue.fromS("unpublish"), SessionsTable.FIRST_SEQ, AttributeValue.fromN("10"),
        SessionsTable.LAST_SEQ, AttributeValue.fromN("40"), SessionsTable.RECORDING,
        AttributeValue.fromS(recording ? "TRUE" : "FALSE"))));
  }

  public static void sample(LocalAws aws, String streamId, long ts, double kbps, double fps) {
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().metricsTable()).item(Map.of(
        MetricsTable.STREAM_ID, AttributeValue.fromS(streamId), MetricsTable.TS, AttributeValue.fromN(Long.toString(ts)),
        MetricsTable.BITRATE_KBPS, AttributeValue.fromN(Double.toString(kbps)), MetricsTable.FPS,
        AttributeValue.fromN(Double.toString(fps)), MetricsTable.WIDTH, AttributeValue.fromN("1280"),
        MetricsTable.HEIGHT, AttributeValue.fromN("720"), MetricsTable.VIDEO_CODEC, AttributeValue.fromS("avc1.64001f"),
        MetricsTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(ts / 1000 + 86400)))));
  }
}
