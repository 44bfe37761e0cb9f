package io.tributary.core.resources;

/** Responses to create requests that carried an Idempotency-Key, for replay within a day. */
public final class IdempotencyTable {
  /** S: tenant id + "#" + Idempotency-Key. */
  public static final String ID = "id";
  public static final String STATUS = "status";
  public static final String BODY = "body";
  public static final String REQUEST_HASH = "requestHash";
  public static final String EXPIRES_AT = "expiresAt";

  private IdempotencyTable() {}
}
