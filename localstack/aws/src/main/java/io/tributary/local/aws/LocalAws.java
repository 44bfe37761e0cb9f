package io.tributary.local.aws;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running local AWS with every resource of the schema created: what an integration test (via
 * {@link LocalAwsExtension}) or the launcher (via {@link LocalAwsServer}) hands to the code under
 * test. {@code env} configures a service or child process the same way.
 */
public record LocalAws(AwsClients clients, ResourceNames names, AwsSettings settings, Map<String, String> env,
                       String queueUrl, String dlqUrl) {
  public LocalAws {
    if (clients == null || names == null || settings == null || env == null) {
      throw new IllegalArgumentException("clients, names, settings and env are required");
    }
    if (queueUrl == null || dlqUrl == null) {
      throw new IllegalArgumentException("queue URLs are required (run Bootstrap first)");
    }
    env = Collections.unmodifiableMap(new TreeMap<>(env));
  }
}
