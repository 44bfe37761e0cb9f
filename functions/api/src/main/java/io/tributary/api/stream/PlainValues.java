package io.tributary.api.stream;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB attribute values written by ingest (the health map) as plain JSON-able values. Numbers
 * become long when integral, else double; binary and sets are skipped (ingest writes none).
 */
public final class PlainValues {
  private PlainValues() {}

  public static Map<String, Object> map(Map<String, AttributeValue> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> {
      Object p = plain(v);
      if (p != null) {
        out.put(k, p);
      }
    });
    return out;
  }

  public static Object plain(AttributeValue v) {
    if (v.s() != null) {
      return v.s();
    }
    if (v.n() != null) {
      BigDecimal d = new BigDecimal(v.n());
      return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValue() : (Object) d.doubleValue();
    }
    if (v.bool() != null) {
      return v.bool();
    }
    if (v.hasL()) {
      return v.l().stream().map(PlainValues::plain).filter(x -> x != null).toList();
    }
    if (v.hasM()) {
      return new LinkedHashMap<>(map(v.m()));
    }
    if (v.hasSs()) {
      return List.copyOf(v.ss());
    }
    return null;
  }
}
