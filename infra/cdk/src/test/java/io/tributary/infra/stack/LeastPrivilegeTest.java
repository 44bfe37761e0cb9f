package io.tributary.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Each service's role, read back from the template as "resource → actions": exactly what the
 * service uses, nothing it does not. A new grant has to be added here on purpose.
 */
class LeastPrivilegeTest {
  private static final Set<String> READ = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
      "dynamodb:ConditionCheckItem");
  private static final Set<String> READ_WRITE = union(READ, Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
      "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"));
  private static final Set<String> LOGS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");

  /** Resource (logical id prefix and suffix, e.g. {@code TablesStreams/index/byTenant}) → actions. */
  private static Map<String, Set<String>> access(Template t, String rolePrefix) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Map<String, Object> s : Templates.statementsOfRole(t, rolePrefix)) {
      assertEquals("Allow", s.get("Effect"));
      Object resource = s.get("Resource");
      List<?> resources = resource instanceof List<?> l ? l : List.of(resource);
      for (Object r : resources) {
        String key = describe(Templates.text(r));
        out.computeIfAbsent(key, k -> new TreeSet<>()).addAll(Templates.actions(s));
      }
    }
    return out;
  }

  /** {@code {"Fn::GetAtt":["TablesStreams46BD2F7A","Arn"]}} → {@code TablesStreams}, plus any path suffix. */
  private static String describe(String resourceJson) {
    String logical = resourceJson.replaceAll("(?s).*?\\[\"([A-Za-z]+?)[0-9A-F]{8}\",\"Arn\"].*", "$1");
    String suffix = resourceJson.replaceAll("(?s).*\"(/[^\"]*)\".*", "$1");
    if (logical.equals(resourceJson)) {
      return resourceJson;
    }
    return logical + (suffix.equals(resourceJson) ? "" : suffix);
  }

  @Test
  void playlistOnlyReadsStreamsSessionsAndSegments() {
    Map<String, Set<String>> a = access(Synth.defaults().template(), "FunctionsPlaylistRole");
    assertEquals(Map.of(
        "FunctionsPlaylistLogs", LOGS,
        "TablesStreams", READ,
        "TablesSessions", READ,
        "TablesSegments", READ), a);
  }

  @Test
  void apiOwnsControlPlaneTablesAndReadsMetricsOnly() {
    Map<String, Set<String>> a = access(Synth.defaults().template(), "FunctionsApiRole");
    Map<String, Set<String>> expected = new TreeMap<>();
    expected.put("FunctionsApiLogs", LOGS);
    expected.put("TablesStreams", READ_WRITE);
    expected.put("TablesStreams/index/byTenant", READ_WRITE);
    expected.put("TablesKeys", READ_WRITE);
    expected.put("TablesKeys/index/byStream", READ_WRITE);
    expected.put("TablesSessions", READ_WRITE);
    expected.put("TablesTokens", READ_WRITE);
    expected.put("TablesIdempotency", READ_WRITE);
    expected.put("TablesMetrics", READ);
    expected.put("{\"Ref\":\"SecretsAdminToken5812E3BC\"}", Set.of("secretsmanager:DescribeSecret",
        "secretsmanager:GetSecretValue"));
    assertEquals(expected, a);
  }

  @Test
  void ingestWritesChunksJobsAndLiveStateOnly() {
    Map<String, Set<String>> a = access(Synth.defaults().template(), "IngestTaskTaskRole");
    assertEquals(Set.of("s3:PutObject", "s3:AbortMultipartUpload"), a.get("BucketsRaw/chunks/*"));
    assertEquals(Set.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"), a.get("JobsQueue"));
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"), a.get("TablesKeys"));
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"), a.get("TablesStreams"));
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"), a.get("TablesSessions"));
    assertEquals(Set.of("dynamodb:PutItem", "dynamodb:BatchWriteItem"), a.get("TablesMetrics"));
    String protection = a.keySet().stream().filter(k -> k.contains(":task/")).findFirst().orElseThrow();
    assertEquals(Set.of("ecs:UpdateTaskProtection", "ecs:GetTaskProtection"), a.get(protection));
    assertEquals(7, a.size(), a.toString());
  }

  @Test
  void transcodeReadsChunksWritesMediaAndSegmentRecords() {
    Map<String, Set<String>> fargate = access(Synth.defaults().template(), "TranscodeTaskTaskRole");
    Map<String, Set<String>> expected = Map.of(
        "BucketsRaw/chunks/*", Set.of("s3:GetObject"),
        "BucketsMedia/live/*", Set.of("s3:PutObject", "s3:AbortMultipartUpload"),
        "TablesSegments", Set.of("dynamodb:PutItem", "dynamodb:GetItem"),
        "JobsQueue", Set.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
            "sqs:DeleteMessage", "sqs:GetQueueAttributes"));
    assertEquals(expected, fargate);
    // The Lambda variant has the same data access plus its own log group.
    Map<String, Set<String>> lambda = access(Synth.variant().template(), "TranscodeRole");
    assertEquals(LOGS, lambda.remove("TranscodeLogs"));
    assertEquals(expected, lambda);
  }

  @Test
  void changeHandlerReadsOnlyTheStreamsTableStreamAndWritesEventsAndSweeps() {
    Map<String, Set<String>> a = access(Synth.defaults().template(), "StreamChangesHandlerRole");
    Set<String> send = Set.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
    assertEquals(Map.ofEntries(
        Map.entry("StreamChangesHandlerLogs", LOGS),
        Map.entry("{\"Fn::GetAtt\":[\"TablesStreams46BD2F7A\",\"StreamArn\"]}",
            Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator")),
        // No resource-level permission exists for ListStreams; it lists ARNs, never items.
        Map.entry("\"*\"", Set.of("dynamodb:ListStreams")),
        Map.entry("StreamChangesBus", Set.of("events:PutEvents")),
        Map.entry("MediaSweepQueue", send),
        Map.entry("StreamChangesFailures", send),
        // The WebSocket push: subscribers by stream, forget gone ones, PostToConnection on its stage.
        Map.entry("TablesSockets/index/byStream", Set.of("dynamodb:Query")),
        Map.entry("TablesSockets", Set.of("dynamodb:DeleteItem")),
        Map.entry("{\"Fn::Join\":[\"\",[\"arn:\",{\"Ref\":\"AWS::Partition\"},\":execute-api:\","
            + "{\"Ref\":\"AWS::Region\"},\":\",{\"Ref\":\"AWS::AccountId\"},\":\",{\"Ref\":\"LiveSocketsApi091EDAE8\"},"
            + "\"/live/POST/@connections/*\"]]}", Set.of("execute-api:ManageConnections"))), a);
  }

  @Test
  void leaseReaperQueriesTheLeaseIndexAndUpdatesStreamsAndSessionsOnly() {
    Map<String, Set<String>> a = access(Synth.defaults().template(), "LeaseReaperHandlerRole");
    assertEquals(Map.of(
        "LeaseReaperHandlerLogs", LOGS,
        "TablesStreams/index/byLeaseTask", Set.of("dynamodb:Query"),
        "TablesStreams", Set.of("dynamodb:UpdateItem"),
        "TablesSessions", Set.of("dynamodb:UpdateItem"),
        // The asynchronous invocation's on-failure destination: Lambda sends with the function's role.
        "LeaseReaperFailures", Set.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl")), a);
  }

  @Test
  void sweepDeletesOnlyUnderTheStreamPrefixesAndOnlyStreamItems() {
    Template t = Synth.defaults().template();
    Map<String, Set<String>> a = access(t, "MediaSweepPurgeRole");
    assertEquals(Map.of(
        "MediaSweepPurgeLogs", LOGS,
        "BucketsRaw/chunks/*", Set.of("s3:DeleteObject"),
        "BucketsMedia/live/*", Set.of("s3:DeleteObject"),
        "BucketsRaw", Set.of("s3:ListBucket"),
        "BucketsMedia", Set.of("s3:ListBucket"),
        "TablesStreams", Set.of("dynamodb:GetItem", "dynamodb:DeleteItem"),
        "MediaSweepQueue", Set.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
            "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:SendMessage")), a);
    // Listing is bounded by prefix too: each ListBucket statement carries its s3:prefix condition.
    List<String> lists = Templates.statementsOfRole(t, "MediaSweepPurgeRole").stream()
        .filter(s -> Templates.actions(s).contains("s3:ListBucket")).map(Templates::text).sorted().toList();
    assertEquals(2, lists.size());
    assertTrue(lists.get(0).contains("\"Condition\":{\"StringLike\":{\"s3:prefix\":\"chunks/*\"}}"), lists.get(0));
    assertTrue(lists.get(1).contains("\"Condition\":{\"StringLike\":{\"s3:prefix\":\"live/*\"}}"), lists.get(1));
  }

  @Test
  void socketAuthorizerReadsTokensAndStreamsAndRoutesKeepConnections() {
    Template t = Synth.defaults().template();
    assertEquals(Map.of("LiveSocketsAuthorizerLogs", LOGS, "TablesTokens", Set.of("dynamodb:GetItem"),
        "TablesStreams", Set.of("dynamodb:GetItem")), access(t, "LiveSocketsAuthorizerRole"));
    assertEquals(Map.of("LiveSocketsRoutesLogs", LOGS, "TablesSockets", Set.of("dynamodb:PutItem",
        "dynamodb:DeleteItem")), access(t, "LiveSocketsRoutesRole"));
  }

  @Test
  void noFunctionRoleUsesAResourceWildcardButListStreams() {
    for (Template t : List.of(Synth.defaults().template(), Synth.variant().template())) {
      for (String role : List.of("FunctionsApiRole", "FunctionsPlaylistRole", "StreamChangesHandlerRole",
          "MediaSweepPurgeRole", "LiveSocketsAuthorizerRole", "LiveSocketsRoutesRole", "LeaseReaperHandlerRole")) {
        for (Map<String, Object> s : Templates.statementsOfRole(t, role)) {
          if ("*".equals(s.get("Resource"))) {
            assertEquals(List.of("dynamodb:ListStreams"), Templates.actions(s), role);
            assertEquals("StreamChangesHandlerRole", role);
          }
        }
      }
    }
  }

  @Test
  void noRoleAnywhereHasAWildcardActionOrAManagedPolicy() {
    for (Template t : List.of(Synth.defaults().template(), Synth.variant().template())) {
      Templates.resources(t, "AWS::IAM::Policy").forEach((id, p) -> {
        String doc = Templates.text(Templates.properties(p).get("PolicyDocument"));
        assertFalse(doc.contains("\"Action\":\"*\"") || doc.contains("\":*\""), id + " " + doc);
        assertFalse(doc.contains("\"s3:*\"") || doc.contains("\"dynamodb:*\"") || doc.contains("\"sqs:*\""), id);
        assertFalse(doc.contains("dynamodb:Scan"), id);
      });
      Templates.resources(t, "AWS::IAM::Role").forEach((id, r) -> {
        Object managed = Templates.properties(r).get("ManagedPolicyArns");
        // Only the VPC flow log's role and CDK's own roles may carry none; no service role carries any.
        assertTrue(managed == null, id + " has managed policies " + managed);
      });
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new TreeSet<>(a);
    u.addAll(b);
    return u;
  }
}
