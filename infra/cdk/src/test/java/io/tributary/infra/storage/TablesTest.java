package io.tributary.infra.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.resources.Schema;
import io.tributary.core.resources.TableSpec;
import io.tributary.infra.Synth;
import io.tributary.infra.config.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class TablesTest {
  private static final Schema SCHEMA = new Naming("tributary").schema();
  private final Template t = Synth.defaults().template();

  static Stream<TableSpec> specs() {
    return SCHEMA.tables().stream();
  }

  @Test
  void oneTablePerCoreSpecOnDemandWithPitrRetained() {
    t.resourceCountIs("AWS::DynamoDB::Table", SCHEMA.tables().size());
    t.allResourcesProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "BillingMode", "PAY_PER_REQUEST",
        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
        "SSESpecification", Map.of("SSEEnabled", true))));
    t.allResources("AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void keySchemaIndexesAndTtlAsSpecified(TableSpec spec) {
    List<Object> keys = new ArrayList<>();
    keys.add(Map.of("AttributeName", spec.partitionKey().name(), "KeyType", "HASH"));
    spec.sortKey().ifPresent(k -> keys.add(Map.of("AttributeName", k.name(), "KeyType", "RANGE")));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("KeySchema", keys);
    expected.put("AttributeDefinitions", Match.arrayWith(List.of(Map.of(
        "AttributeName", spec.partitionKey().name(), "AttributeType", spec.partitionKey().type()))));
    if (spec.ttlAttribute().isPresent()) {
      expected.put("TimeToLiveSpecification", Map.of("AttributeName", spec.ttlAttribute().get(), "Enabled", true));
    } else {
      expected.put("TimeToLiveSpecification", Match.absent());
    }
    if (spec.indexes().isEmpty()) {
      expected.put("GlobalSecondaryIndexes", Match.absent());
    } else {
      List<Object> gsis = new ArrayList<>();
      for (TableSpec.Index i : spec.indexes()) {
        List<Object> gsiKeys = new ArrayList<>();
        gsiKeys.add(Map.of("AttributeName", i.partitionKey().name(), "KeyType", "HASH"));
        i.sortKey().ifPresent(k -> gsiKeys.add(Map.of("AttributeName", k.name(), "KeyType", "RANGE")));
        gsis.add(Map.of("IndexName", i.name(), "KeySchema", gsiKeys, "Projection", Map.of("ProjectionType", "ALL")));
      }
      expected.put("GlobalSecondaryIndexes", gsis);
    }
    // Exactly one table matches: key schemas are distinct across the specs.
    assertEquals(1, t.findResources("AWS::DynamoDB::Table",
        Map.of("Properties", Match.objectLike(expected))).size(), spec.name());
  }
}
