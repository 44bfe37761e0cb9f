package io.tributary.api.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI document that micronaut-openapi generates from the controllers at compile
 * time ({@code META-INF/swagger/tributary-api-<version>.yml}); a controller, not a static
 * resource mapping, so the Lambda serves it too.
 */
@Controller
@Hidden
public class OpenApiController {
  static final String RESOURCE = "META-INF/swagger/tributary-api-" + ApiDocs.VERSION + ".yml";
  private final String yaml;

  public OpenApiController() {
    try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("generated OpenAPI document missing from the classpath: " + RESOURCE);
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get("/openapi.yml")
  public HttpResponse<String> openapi() {
    return HttpResponse.ok(yaml).contentType("application/yaml");
  }
}
