package io.tributary.core.ecs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECS task ARN and the task id in it. Ingest holds the publish lease under {@link #taskId()}
 * and the lease reaper matches the task id of an ECS "Task State Change" event against it, so
 * both sides derive the id here. Formats (ECS developer guide, "Amazon Resource Names (ARNs) and
 * IDs"): {@code arn:aws:ecs:region:account:task/cluster-name/task-id} (every Fargate task) and the
 * old {@code arn:aws:ecs:region:account:task/task-id}.
 *
 * @param cluster the cluster name of a new-format ARN, empty for the old format
 */
public record EcsTaskArn(String arn, Optional<String> cluster, String taskId) {
  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:task/(?:([A-Za-z0-9_-]{1,255})/)?([A-Za-z0-9-]{1,128})");

  public EcsTaskArn {
    if (arn == null || taskId == null || taskId.isBlank() || !arn.endsWith("/" + taskId)) {
      throw new IllegalArgumentException("not an ECS task ARN with that task id: " + arn + " / " + taskId);
    }
  }

  /** Parses a task ARN; {@link IllegalArgumentException} naming it when it is not one. */
  public static EcsTaskArn parse(String arn) {
    Matcher m = arn == null ? null : ARN.matcher(arn);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("not an ECS task ARN: " + arn);
    }
    return new EcsTaskArn(arn, Optional.ofNullable(m.group(1)), m.group(2));
  }
}
