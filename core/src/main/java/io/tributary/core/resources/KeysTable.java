package io.tributary.core.resources;

/** Stream keys by SHA-256 hash: ingest looks a presented key up with one GetItem. */
public final class KeysTable {
  public static final String KEY_HASH = "keyHash";
  public static final String STREAM_ID = "streamId";
  /** S: public id of the key, shown in lists and used to revoke. */
  public static final String KEY_ID = "keyId";
  /** S: last four characters of the key, the only part shown after creation. */
  public static final String LAST4 = "last4";
  public static final String CREATED_AT = "createdAt";
  public static final String LAST_USED_AT = "lastUsedAt";
  /** N: epoch ms; present means revoked. */
  public static final String REVOKED_AT = "revokedAt";
  public static final String BY_STREAM = "byStream";

  private KeysTable() {}
}
