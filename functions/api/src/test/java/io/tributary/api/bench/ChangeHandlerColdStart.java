package io.tributary.api.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.tributary.api.lambda.StreamChangeHandler;
import java.lang.management.ManagementFactory;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Child JVM on the shaded Lambda jar: what a cold start of the change handler does (construct it
 * from the environment, no Micronaut context) and one batch with a go-live record, published to
 * the parent's EventBridge endpoint; prints ms from JVM start to the answer.
 */
public final class ChangeHandlerColdStart {
  private ChangeHandlerColdStart() {}

  public static void main(String[] args) {
    StreamChangeHandler handler = new StreamChangeHandler();
    Map<String, AttributeValue> idle = new HashMap<>(Map.of("streamId", new AttributeValue("st_benchbenchbenchbench"),
        "tenantId", new AttributeValue("bench"), "name", new AttributeValue("bench"),
        "createdAt", new AttributeValue().withN("1795638000000"), "state", new AttributeValue("IDLE")));
    Map<String, AttributeValue> live = new HashMap<>(idle);
    live.put("state", new AttributeValue("LIVE"));
    live.put("liveSessionId", new AttributeValue("20261125T203000Z-abcdefgh"));
    DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
    r.setEventName("MODIFY");
    r.setDynamodb(new StreamRecord().withOldImage(idle).withNewImage(live).withSequenceNumber("100")
        .withApproximateCreationDateTime(new Date(1795638600000L)));
    DynamodbEvent e = new DynamodbEvent();
    e.setRecords(List.of(r));
    int failures = handler.handleRequest(e, null).getBatchItemFailures().size();
    long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("failures " + failures);
    System.out.println("first-response-ms " + since);
    System.exit(failures == 0 ? 0 : 1);
  }
}
