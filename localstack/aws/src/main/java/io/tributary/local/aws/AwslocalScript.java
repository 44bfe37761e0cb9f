package io.tributary.local.aws;

import io.tributary.core.resources.BucketSpec;
import io.tributary.core.resources.QueueSpec;
import io.tributary.core.resources.Schema;
import io.tributary.core.resources.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code localstack/init/ready.d/10-tributary.sh}: the same resources as {@link Bootstrap},
 * as {@code awslocal} commands for LocalStack's ready hook. Generated, never hand-edited: a test
 * fails when the committed script differs from this output.
 */
public final class AwslocalScript {
  public static final String RELATIVE_PATH = "localstack/init/ready.d/10-tributary.sh";

  private AwslocalScript() {}

  public static String render(Schema schema) {
    StringBuilder b = new StringBuilder();
    b.append("#!/usr/bin/env bash\n");
    b.append("# GENERATED from io.tributary.core.resources.Schema by io.tributary.local.aws.AwslocalScript: do not edit.\n");
    b.append("# Regenerate: mvn -q -pl localstack/aws exec:java -Dexec.mainClass=io.tributary.local.aws.AwslocalScriptMain\n");
    b.append("# LocalStack runs every script in /etc/localstack/init/ready.d once its services are up.\n");
    b.append("# Each step is idempotent, like the embedded bootstrap: running it twice changes nothing.\n");
    b.append("set -euo pipefail\n");
    b.append("\n# Buckets (private; CORS on the bucket players read; lifecycle expiry on raw chunks)\n");
    for (BucketSpec bucket : schema.buckets()) {
      bucket(b, bucket);
    }
    b.append("\n# Tables (on-demand, GSIs with ALL projection, TTL where the schema has one)\n");
    for (TableSpec t : schema.tables()) {
      table(b, t);
    }
    b.append("\n# Job queue + dead-letter queue (redrive after maxReceiveCount receives)\n");
    queues(b, schema.jobQueue());
    b.append("\necho \"tributary: buckets, tables and queues ready\"\n");
    return b.toString();
  }

  private static void bucket(StringBuilder b, BucketSpec s) {
    b.append("awslocal s3api head-bucket --bucket ").append(s.name()).append(" >/dev/null 2>&1 \\\n")
        .append("  || awslocal s3api create-bucket --bucket ").append(s.name()).append(" >/dev/null\n");
    if (s.cors()) {
      b.append("awslocal s3api put-bucket-cors --bucket ").append(s.name()).append(" --cors-configuration '")
          .append("{\"CORSRules\":[{\"AllowedOrigins\":[\"*\"],\"AllowedMethods\":[\"GET\",\"HEAD\"],"
              + "\"AllowedHeaders\":[\"*\"],\"ExposeHeaders\":[\"ETag\",\"Content-Length\",\"Content-Range\"],"
              + "\"MaxAgeSeconds\":3000}]}'\n");
    }
    s.expireAfterDays().ifPresent(days -> b.append("awslocal s3api put-bucket-lifecycle-configuration --bucket ")
        .append(s.name()).append(" --lifecycle-configuration '{\"Rules\":[{\"ID\":\"expire-after-").append(days)
        .append("d\",\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"\"},\"Expiration\":{\"Days\":").append(days)
        .append("}}]}'\n"));
  }

  private static void table(StringBuilder b, TableSpec t) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put(t.partitionKey().name(), t.partitionKey().type());
    t.sortKey().ifPresent(k -> attrs.put(k.name(), k.type()));
    for (TableSpec.Index i : t.indexes()) {
      attrs.put(i.partitionKey().name(), i.partitionKey().type());
      i.sortKey().ifPresent(k -> attrs.put(k.name(), k.type()));
    }
    List<String> defs = new ArrayList<>();
    attrs.forEach((n, type) -> defs.add("AttributeName=" + n + ",AttributeType=" + type));
    b.append("if ! awslocal dynamodb describe-table --table-name ").append(t.name()).append(" >/dev/null 2>&1; then\n");
    b.append("  awslocal dynamodb create-table --table-name ").append(t.name()).append(" --billing-mode PAY_PER_REQUEST \\\n");
    b.append("    --attribute-definitions ").append(String.join(" ", defs)).append(" \\\n");
    b.append("    --key-schema ").append(String.join(" ", keyArgs(t.partitionKey(), t.sortKey())));
    if (!t.indexes().isEmpty()) {
      List<String> gsis = new ArrayList<>();
      for (TableSpec.Index i : t.indexes()) {
        gsis.add("{\"IndexName\":\"" + i.name() + "\",\"KeySchema\":[" + String.join(",", keyJson(i.partitionKey(),
            i.sortKey())) + "],\"Projection\":{\"ProjectionType\":\"ALL\"}}");
      }
      b.append(" \\\n    --global-secondary-indexes '[").append(String.join(",", gsis)).append("]'");
    }
    b.append(" >/dev/null\n");
    b.append("  awslocal dynamodb wait table-exists --table-name ").append(t.name()).append("\n");
    b.append("fi\n");
    t.ttlAttribute().ifPresent(a -> b.append("if [ \"$(awslocal dynamodb describe-time-to-live --table-name ")
        .append(t.name()).append(" --query TimeToLiveDescription.TimeToLiveStatus --output text)\" != ENABLED ]; then\n")
        .append("  awslocal dynamodb update-time-to-live --table-name ").append(t.name())
        .append(" --time-to-live-specification Enabled=true,AttributeName=").append(a).append(" >/dev/null\n")
        .append("fi\n"));
  }

  private static List<String> keyArgs(TableSpec.Key pk, Optional<TableSpec.Key> sk) {
    List<String> out = new ArrayList<>(List.of("AttributeName=" + pk.name() + ",KeyType=HASH"));
    sk.ifPresent(k -> out.add("AttributeName=" + k.name() + ",KeyType=RANGE"));
    return out;
  }

  private static List<String> keyJson(TableSpec.Key pk, Optional<TableSpec.Key> sk) {
    List<String> out = new ArrayList<>(List.of("{\"AttributeName\":\"" + pk.name() + "\",\"KeyType\":\"HASH\"}"));
    sk.ifPresent(k -> out.add("{\"AttributeName\":\"" + k.name() + "\",\"KeyType\":\"RANGE\"}"));
    return out;
  }

  private static void queues(StringBuilder b, QueueSpec q) {
    b.append("dlq_url=$(awslocal sqs create-queue --queue-name ").append(q.dlqName())
        .append(" --query QueueUrl --output text)\n");
    b.append("awslocal sqs set-queue-attributes --queue-url \"$dlq_url\" --attributes MessageRetentionPeriod=")
        .append(q.dlqRetention().toSeconds()).append("\n");
    b.append("dlq_arn=$(awslocal sqs get-queue-attributes --queue-url \"$dlq_url\" --attribute-names QueueArn"
        + " --query Attributes.QueueArn --output text)\n");
    b.append("queue_url=$(awslocal sqs create-queue --queue-name ").append(q.name())
        .append(" --query QueueUrl --output text)\n");
    // printf turns each \\" into \" so RedrivePolicy is a JSON string inside the attributes JSON.
    b.append("attributes=$(printf '{\"VisibilityTimeout\":\"").append(q.visibilityTimeout().toSeconds())
        .append("\",\"MessageRetentionPeriod\":\"").append(q.retention().toSeconds())
        .append("\",\"RedrivePolicy\":\"{\\\\\"deadLetterTargetArn\\\\\":\\\\\"%s\\\\\",\\\\\"maxReceiveCount\\\\\":\\\\\"")
        .append(q.maxReceiveCount()).append("\\\\\"}\"}' \"$dlq_arn\")\n");
    b.append("awslocal sqs set-queue-attributes --queue-url \"$queue_url\" --attributes \"$attributes\"\n");
  }
}
