package io.tributary.core.ecs;

import java.net.URI;

/** The ECS task metadata endpoint could not be read or answered something unusable. */
public final class EcsMetadataException extends RuntimeException {
  private final URI endpoint;

  public EcsMetadataException(URI endpoint, String message, Throwable cause) {
    super(endpoint + ": " + message, cause);
    this.endpoint = endpoint;
  }

  public URI endpoint() {
    return endpoint;
  }
}
