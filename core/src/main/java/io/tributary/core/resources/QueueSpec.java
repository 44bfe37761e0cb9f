package io.tributary.core.resources;

import java.time.Duration;

/**
 * The transcode job queue and its dead-letter queue. After {@code maxReceiveCount} failed
 * receives the redrive policy, not code, moves a message to the DLQ.
 */
public record QueueSpec(String name, String dlqName, int maxReceiveCount, Duration visibilityTimeout,
                        Duration retention, Duration dlqRetention) {}
