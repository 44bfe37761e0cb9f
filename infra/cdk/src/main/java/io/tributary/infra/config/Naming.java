package io.tributary.infra.config;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import java.util.Map;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * How this deployment is named and tagged. Physical names of buckets, tables and queues are left
 * to CloudFormation (bucket names are global, and a fixed name blocks a replacement on a key
 * change); services learn the generated names through {@link ResourceNames#ENV}. The prefix still
 * names the stack and tags everything, so two deployments in one account stay apart in the bill.
 */
public record Naming(String prefix) {
  public static final String PROJECT_TAG = "tributary:project";
  public static final String DEPLOYMENT_TAG = "tributary:deployment";

  public Naming {
    // Same rule as ResourceNames.withPrefix, which this calls to validate.
    ResourceNames.withPrefix(prefix);
  }

  public String stackName() {
    return "Tributary-" + prefix;
  }

  /** Key schemas, indexes, TTL attributes and queue settings: the specs local runs use too. */
  public Schema schema() {
    return new Schema(ResourceNames.withPrefix(prefix));
  }

  public Map<String, String> tags() {
    return Map.of(PROJECT_TAG, "tributary", DEPLOYMENT_TAG, prefix);
  }

  /** Tags the scope and, through CDK's tag aspect, every taggable resource under it. */
  public void applyTags(IConstruct scope) {
    tags().forEach((k, v) -> Tags.of(scope).add(k, v));
  }
}
