package io.tributary.infra.storage;

import io.tributary.core.resources.ResourceNames;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a service needs to find every resource: each {@link ResourceNames} component
 * under the variable {@link ResourceNames#ENV} names for it, valued with the CloudFormation
 * token of the generated name. Built from the record's components so a name added to core
 * cannot be forgotten here (an unmapped component fails synth).
 */
public record ResourceEnv(Map<String, String> variables) {

  public ResourceEnv {
    variables = Map.copyOf(variables);
  }

  public static ResourceEnv of(MediaBuckets buckets, JobQueue jobs, Tables tables) {
    return of(new ResourceNames(buckets.raw().getBucketName(), buckets.media().getBucketName(),
        jobs.queue().getQueueName(), jobs.dlq().getQueueName(), tables.streams().getTableName(),
        tables.keys().getTableName(), tables.sessions().getTableName(), tables.segments().getTableName(),
        tables.metrics().getTableName(), tables.tokens().getTableName(), tables.idempotency().getTableName(),
        tables.sockets().getTableName()));
  }

  static ResourceEnv of(ResourceNames names) {
    Map<String, String> env = new LinkedHashMap<>();
    for (RecordComponent c : ResourceNames.class.getRecordComponents()) {
      String variable = ResourceNames.ENV.get(c.getName());
      if (variable == null) {
        throw new IllegalStateException("ResourceNames." + c.getName() + " has no entry in ResourceNames.ENV");
      }
      try {
        env.put(variable, (String) c.getAccessor().invoke(names));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read ResourceNames." + c.getName(), e);
      }
    }
    return new ResourceEnv(env);
  }
}
