package io.tributary.api.auth;

/**
 * Who made a request: the tenant owning everything the request touches, and the hash of the
 * token used (the rate-limit bucket key; never the token itself). Admin tokens may mint tokens
 * for other tenants.
 */
public record Caller(String tenantId, String tokenHash, boolean admin) {
  /** Request attribute under which {@link BearerAuthFilter} stores the caller. */
  public static final String ATTRIBUTE = "tributary.caller";

  public Caller {
    if (tenantId == null || tenantId.isBlank() || tokenHash == null || tokenHash.isBlank()) {
      throw new IllegalArgumentException("a caller has a tenant and a token hash");
    }
  }
}
