package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.tributary.api.IngestRows;
import io.tributary.api.TestApi;
import io.tributary.api.events.EventWindow;
import io.tributary.api.events.StreamEvent;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamRepository;
import io.tributary.api.stream.StreamSettings;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The AWS events tick: window-based detection over the local DynamoDB, and the handler class. */
@ExtendWith(LocalAwsExtension.class)
class EventsTickHandlerIT {
  private static final StreamSettings S = new StreamSettings("tick", 2000, "default", false, 60, true);

  private static List<String> types(List<StreamEvent> all, String streamId) {
    return all.stream().filter(e -> e.streamId().equals(streamId)).map(StreamEvent::type).toList();
  }

  @Test
  void reportsStartsEndsAndHealthInsideTheWindowOnly(LocalAws aws) {
    ApplicationContext ctx = TestApi.context(aws, Map.of());
    try {
      StreamRepository streams = ctx.getBean(StreamRepository.class);
      long now = System.currentTimeMillis();
      StreamId live = StreamId.random();
      streams.create(StreamRecord.created(live, "tick", S, now - 5000));
      IngestRows.goLive(aws, live.value(), SessionId.startingAt(Instant.ofEpochMilli(now)).value(), null, now - 1000);

      StreamId ended = StreamId.random();
      streams.create(StreamRecord.created(ended, "tick", S, now - 500_000));
      String sid = SessionId.startingAt(Instant.ofEpochMilli(now - 400_000)).value();
      IngestRows.endedSession(aws, ended.value(), sid, now - 400_000, now - 10_000, true);
      aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(ended.value())))
          .updateExpression("SET #l = :s").expressionAttributeNames(Map.of("#l", StreamsTable.LAST_SESSION_ID))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sid))));

      List<StreamEvent> window = ctx.getBean(EventWindow.class).events(now - 60_000, now + 1);
      assertEquals(List.of(StreamEvent.STARTED, StreamEvent.HEALTH), types(window, live.value()));
      assertEquals(List.of(StreamEvent.ENDED), types(window, ended.value()));
      List<StreamEvent> earlier = ctx.getBean(EventWindow.class).events(now - 120_000, now - 60_000);
      assertEquals(List.of(), types(earlier, live.value()));
      assertEquals(List.of(), types(earlier, ended.value()));

      try (EventsTickHandler handler = new EventsTickHandler(ctx)) {
        String result = handler.handleRequest(Map.of("source", "aws.scheduler"), new FakeLambdaContext());
        assertTrue(result.matches("\\d+ events") && Integer.parseInt(result.split(" ")[0]) >= 3, result);
      }
    } finally {
      ctx.close();
    }
  }
}
