package io.tributary.core.resources;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table as both the local bootstrap and the CDK app create it. Types are DynamoDB's
 * scalar letters ({@code S}, {@code N}); everything is on-demand with ALL projections.
 */
public record TableSpec(String name, Key partitionKey, Optional<Key> sortKey, List<Index> indexes,
                        Optional<String> ttlAttribute) {

  public record Key(String name, String type) {
    public Key {
      if (!type.equals("S") && !type.equals("N")) {
        throw new IllegalArgumentException("key type must be S or N, got " + type);
      }
    }
  }

  public record Index(String name, Key partitionKey, Optional<Key> sortKey) {}

  public TableSpec {
    indexes = List.copyOf(indexes);
  }
}
