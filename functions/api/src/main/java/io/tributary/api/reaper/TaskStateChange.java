package io.tributary.api.reaper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.ecs.EcsTaskArn;
import java.io.IOException;
import java.util.Optional;

/**
 * The part of an EventBridge "ECS Task State Change" event (source {@code aws.ecs}; ECS developer
 * guide, "Amazon ECS task state change events") the lease reaper reads. Other events parse to
 * empty, so a widened rule cannot make the reaper act on them.
 *
 * @param eventId the EventBridge event id, for logs (a redelivery carries the same id)
 * @param clusterArn {@code detail.clusterArn}
 * @param task {@code detail.taskArn}, whose task id ingest holds leases under
 * @param lastStatus {@code detail.lastStatus}: PROVISIONING .. RUNNING .. STOPPED
 * @param taskDefinitionArn {@code detail.taskDefinitionArn} ({@code ...:task-definition/family:revision})
 * @param stopCode {@code detail.stopCode} when stopped (EssentialContainerExited, TaskFailedToStart,
 *     SpotInterruption, ServiceSchedulerInitiated, UserInitiated, ...), else empty
 */
public record TaskStateChange(String eventId, String clusterArn, EcsTaskArn task, String lastStatus,
                              String taskDefinitionArn, Optional<String> stopCode) {
  public static final String SOURCE = "aws.ecs";
  public static final String DETAIL_TYPE = "ECS Task State Change";
  public static final String STOPPED = "STOPPED";
  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean stopped() {
    return STOPPED.equals(lastStatus);
  }

  /** The task definition family: {@code family} of {@code arn:...:task-definition/family:revision}. */
  public String family() {
    String tail = taskDefinitionArn.substring(taskDefinitionArn.indexOf('/') + 1);
    int colon = tail.lastIndexOf(':');
    return colon < 0 ? tail : tail.substring(0, colon);
  }

  /**
   * Parses one EventBridge event. Empty when it is not an ECS task state change at all; an ECS
   * task state change without a readable task or cluster is an {@link InvalidTaskEventException}.
   */
  public static Optional<TaskStateChange> parse(String json) {
    JsonNode event;
    try {
      event = JSON.readTree(json);
    } catch (IOException e) {
      throw new InvalidTaskEventException("not JSON: " + abbreviate(json), e);
    }
    if (event == null || !SOURCE.equals(event.path("source").asText())
        || !DETAIL_TYPE.equals(event.path("detail-type").asText())) {
      return Optional.empty();
    }
    JsonNode d = event.path("detail");
    String cluster = text(d, "clusterArn", json);
    String status = text(d, "lastStatus", json);
    String definition = text(d, "taskDefinitionArn", json);
    if (!definition.contains(":task-definition/")) {
      throw new InvalidTaskEventException("detail.taskDefinitionArn is not a task definition ARN: "
          + abbreviate(json), null);
    }
    EcsTaskArn task;
    try {
      task = EcsTaskArn.parse(text(d, "taskArn", json));
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskEventException(e.getMessage() + " in " + abbreviate(json), e);
    }
    Optional<String> stopCode = d.path("stopCode").isTextual() ? Optional.of(d.path("stopCode").asText())
        : Optional.empty();
    return Optional.of(new TaskStateChange(event.path("id").asText(""), cluster, task, status, definition, stopCode));
  }

  private static String text(JsonNode detail, String field, String json) {
    JsonNode v = detail.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InvalidTaskEventException("ECS task state change without detail." + field + ": " + abbreviate(json),
          null);
    }
    return v.asText();
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
