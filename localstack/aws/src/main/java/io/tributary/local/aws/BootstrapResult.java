package io.tributary.local.aws;

import java.util.List;

/**
 * What a bootstrap run found or made. {@code created} names what this run created (empty on a
 * second run: that is the idempotence check); {@code unsupported} lists features the endpoint
 * lacks (dynalite's TTL, S3Proxy's bucket CORS/lifecycle), each said once in the log.
 */
public record BootstrapResult(String queueUrl, String dlqUrl, List<String> created, List<String> unsupported) {
  public BootstrapResult {
    if (queueUrl == null || queueUrl.isBlank() || dlqUrl == null || dlqUrl.isBlank()) {
      throw new IllegalArgumentException("queue and DLQ URLs are required, got " + queueUrl + ", " + dlqUrl);
    }
    created = List.copyOf(created);
    unsupported = List.copyOf(unsupported);
  }
}
