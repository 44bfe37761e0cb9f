package io.tributary.api.ops;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Title, version and the bearer scheme of the generated OpenAPI document. */
@OpenAPIDefinition(info = @Info(title = "tributary-api", version = ApiDocs.VERSION,
    description = "Tributary management API: streams, stream keys, live status, sessions, metrics. Errors are "
        + "application/problem+json (RFC 9457) with `field` and `rule` members."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class ApiDocs {
  public static final String VERSION = "1";

  private ApiDocs() {}
}
