package io.tributary.playlist.store;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed reads of one DynamoDB item's attributes, failing with {@link IndexReadException}. */
final class ItemReader {
  private final String table;
  private final String key;
  private final Map<String, AttributeValue> item;

  ItemReader(String table, String key, Map<String, AttributeValue> item) {
    this.table = table;
    this.key = key;
    this.item = item;
  }

  ItemReader nested(String attribute, Map<String, AttributeValue> map) {
    return new ItemReader(table, key + "." + attribute, map);
  }

  String string(String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.s() == null) {
      throw new IndexReadException(table, key, name, "is missing or not a string: " + v);
    }
    return v.s();
  }

  Optional<String> optionalString(String name) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
  }

  long number(String name) {
    return decimal(name).longValueExact();
  }

  long number(String name, long dflt) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? dflt : number(name);
  }

  BigDecimal decimal(String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.n() == null) {
      throw new IndexReadException(table, key, name, "is missing or not a number: " + v);
    }
    try {
      return new BigDecimal(v.n());
    } catch (NumberFormatException e) {
      throw new IndexReadException(table, key, name, "is not a decimal: " + v.n());
    } catch (ArithmeticException e) {
      throw new IndexReadException(table, key, name, "is not an integer: " + v.n());
    }
  }

  double real(String name, double dflt) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? dflt : decimal(name).doubleValue();
  }

  boolean bool(String name) {
    AttributeValue v = item.get(name);
    if (v == null) {
      return false;
    }
    if (v.bool() != null) {
      return v.bool();
    }
    // Tolerate "TRUE"/"true" strings (SessionsTable.RECORDING is stored that way).
    return v.s() != null && v.s().equalsIgnoreCase("true");
  }

  Optional<Map<String, AttributeValue>> map(String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.nul() != null && v.nul()) {
      return Optional.empty();
    }
    if (!v.hasM()) {
      throw new IndexReadException(table, key, name, "is not a map: " + v);
    }
    return Optional.of(v.m());
  }
}
