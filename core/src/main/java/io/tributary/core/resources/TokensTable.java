package io.tributary.core.resources;

/** API bearer tokens by SHA-256 hash. */
public final class TokensTable {
  public static final String TOKEN_HASH = "tokenHash";
  public static final String TENANT_ID = "tenantId";
  public static final String NAME = "name";
  public static final String CREATED_AT = "createdAt";
  /** N: epoch ms; present means revoked. */
  public static final String REVOKED_AT = "revokedAt";

  private TokensTable() {}
}
