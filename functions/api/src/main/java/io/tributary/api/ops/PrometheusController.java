package io.tributary.api.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/** Prometheus scrape endpoint; open like /health (counters only, no tenant data). */
@Controller("/metrics")
@Hidden
public class PrometheusController {
  private final RequestStats stats;

  public PrometheusController(RequestStats stats) {
    this.stats = stats;
  }

  @Get
  public HttpResponse<String> scrape() {
    return HttpResponse.ok(stats.prometheus()).contentType("text/plain; version=0.0.4");
  }
}
