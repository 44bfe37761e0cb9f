package io.tributary.api.lambda;

import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB stream image (the Lambda events library's attribute model) as an SDK v2 item, so
 * the repository's one item → record mapping reads it; the two models carry the same DynamoDB
 * JSON types (S, N, B, BOOL, NULL, M, L, SS, NS, BS).
 */
final class StreamImages {
  private StreamImages() {}

  /** @return the record, or null for an absent image (INSERT has no old one, REMOVE no new one) */
  static StreamRecord record(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    if (image == null || image.isEmpty()) {
      return null;
    }
    return DynamoStreamRepository.fromItem(item(image));
  }

  static Map<String, AttributeValue> item(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    image.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
    if (v.getS() != null) {
      return AttributeValue.fromS(v.getS());
    }
    if (v.getN() != null) {
      return AttributeValue.fromN(v.getN());
    }
    if (v.getBOOL() != null) {
      return AttributeValue.fromBool(v.getBOOL());
    }
    if (v.getNULL() != null) {
      return AttributeValue.fromNul(v.getNULL());
    }
    if (v.getB() != null) {
      return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB().asReadOnlyBuffer()));
    }
    if (v.getM() != null) {
      return AttributeValue.fromM(item(v.getM()));
    }
    if (v.getL() != null) {
      return AttributeValue.fromL(v.getL().stream().map(StreamImages::value).toList());
    }
    if (v.getSS() != null) {
      return AttributeValue.fromSs(List.copyOf(v.getSS()));
    }
    if (v.getNS() != null) {
      return AttributeValue.fromNs(List.copyOf(v.getNS()));
    }
    if (v.getBS() != null) {
      return AttributeValue.fromBs(v.getBS().stream().map(b -> SdkBytes.fromByteBuffer(b.asReadOnlyBuffer())).toList());
    }
    throw new IllegalArgumentException("attribute value without a type: " + v);
  }
}
