package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB Streams would deliver for writes to one item, recorded against the local DynamoDB
 * (dynalite has no Streams): the item is read (consistently) before and after each write, and the
 * pair becomes a NEW_AND_OLD_IMAGES record — INSERT, MODIFY or REMOVE — in write order.
 */
final class ItemChangeRecorder {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Map<String, AttributeValue> key;
  private final List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();

  ItemChangeRecorder(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key) {
    this.dynamo = dynamo;
    this.table = table;
    this.key = key;
  }

  void write(Runnable write) {
    Map<String, AttributeValue> before = read();
    write.run();
    Map<String, AttributeValue> after = read();
    if (before == null && after == null || before != null && before.equals(after)) {
      return;  // no change, no record (as DynamoDB Streams)
    }
    StreamRecord change = new StreamRecord().withKeys(image(key)).withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
        .withSequenceNumber(Long.toString(1_000_000L + records.size())).withApproximateCreationDateTime(new Date());
    if (before != null) {
      change.setOldImage(image(before));
    }
    if (after != null) {
      change.setNewImage(image(after));
    }
    DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
    r.setEventID("recorded-" + records.size());
    r.setEventName(before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY");
    r.setEventSource("aws:dynamodb");
    r.setDynamodb(change);
    records.add(r);
  }

  DynamodbEvent event() {
    DynamodbEvent e = new DynamodbEvent();
    e.setRecords(List.copyOf(records));
    return e;
  }

  private Map<String, AttributeValue> read() {
    var res = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
    return res.hasItem() && !res.item().isEmpty() ? res.item() : null;
  }

  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
      Map<String, AttributeValue> item) {
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(true);
      case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
      case M -> out.setM(image(v.m()));
      case L -> out.setL(v.l().stream().map(ItemChangeRecorder::value).toList());
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      default -> throw new IllegalArgumentException("unexpected attribute type " + v.type());
    }
    return out;
  }
}
